using Orleans;

namespace Do.Orleans.Serialization;

/// <summary>How <see cref="ActionFilter"/> crosses from a client to the grain that reads the log.</summary>
[GenerateSerializer, Immutable, Alias("Do.Orleans.ActionFilter")]
public readonly record struct ActionFilterSurrogate(
    [property: Id(0)] int? Status,
    [property: Id(1)] string? Verb,
    [property: Id(2)] string? Actor,
    [property: Id(3)] string? Target,
    [property: Id(4)] DateTimeOffset? Since,
    [property: Id(5)] DateTimeOffset? Until,
    [property: Id(6)] long? Before,
    [property: Id(7)] int Limit);

/// <summary>Converts <see cref="ActionFilter"/> to and from <see cref="ActionFilterSurrogate"/>.</summary>
[RegisterConverter]
public sealed class ActionFilterConverter : IConverter<ActionFilter, ActionFilterSurrogate>
{
    /// <inheritdoc />
    public ActionFilter ConvertFromSurrogate(in ActionFilterSurrogate surrogate) => new()
    {
        Status = (ActionStatus?)surrogate.Status,
        Verb = surrogate.Verb,
        Actor = surrogate.Actor,
        Target = surrogate.Target,
        Since = surrogate.Since,
        Until = surrogate.Until,
        Before = surrogate.Before,
        Limit = surrogate.Limit,
    };

    /// <inheritdoc />
    public ActionFilterSurrogate ConvertToSurrogate(in ActionFilter value)
        => new((int?)value.Status, value.Verb, value.Actor, value.Target, value.Since, value.Until, value.Before, value.Limit);
}
