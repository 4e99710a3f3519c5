using Orleans;

namespace Do.Orleans.Serialization;

/// <summary>How <see cref="ActionInfo"/> crosses between silos and clients (Orleans serializes only types it generated code for).</summary>
[GenerateSerializer, Immutable, Alias("Do.Orleans.ActionInfo")]
public readonly record struct ActionInfoSurrogate(
    [property: Id(0)] long Id,
    [property: Id(1)] string Verb,
    [property: Id(2)] string Target,
    [property: Id(3)] string Actor,
    [property: Id(4)] int Status,
    [property: Id(5)] int Attempts,
    [property: Id(6)] string? Error,
    [property: Id(7)] string? Input,
    [property: Id(8)] string? Output,
    [property: Id(9)] long? BeforeVersion,
    [property: Id(10)] long? AfterVersion,
    [property: Id(11)] DateTimeOffset At);

/// <summary>Converts <see cref="ActionInfo"/> to and from <see cref="ActionInfoSurrogate"/>.</summary>
[RegisterConverter]
public sealed class ActionInfoConverter : IConverter<ActionInfo, ActionInfoSurrogate>
{
    /// <inheritdoc />
    public ActionInfo ConvertFromSurrogate(in ActionInfoSurrogate surrogate)
        => new(surrogate.Id, surrogate.Verb, surrogate.Target, surrogate.Actor, (ActionStatus)surrogate.Status, surrogate.Attempts, surrogate.Error, surrogate.Input, surrogate.Output, surrogate.BeforeVersion, surrogate.AfterVersion, surrogate.At);

    /// <inheritdoc />
    public ActionInfoSurrogate ConvertToSurrogate(in ActionInfo value)
        => new(value.Id, value.Verb, value.Target, value.Actor, (int)value.Status, value.Attempts, value.Error, value.Input, value.Output, value.BeforeVersion, value.AfterVersion, value.At);
}
