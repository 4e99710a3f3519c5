using Orleans;

namespace Do.Orleans.Serialization;

/// <summary>How <see cref="DeadLetter"/> crosses between silos and clients (Orleans serializes only types it generated code for).</summary>
[GenerateSerializer, Immutable, Alias("Do.Orleans.DeadLetter")]
public readonly record struct DeadLetterSurrogate([property: Id(0)] long Id, [property: Id(1)] EventRecord Event, [property: Id(2)] string Handler, [property: Id(3)] string Error, [property: Id(4)] int Attempts, [property: Id(5)] DateTimeOffset CreatedAt, [property: Id(6)] DateTimeOffset? ReplayedAt);

/// <summary>Converts <see cref="DeadLetter"/> to and from <see cref="DeadLetterSurrogate"/>.</summary>
[RegisterConverter]
public sealed class DeadLetterConverter : IConverter<DeadLetter, DeadLetterSurrogate>
{
    /// <inheritdoc />
    public DeadLetter ConvertFromSurrogate(in DeadLetterSurrogate surrogate) => new(surrogate.Id, surrogate.Event, surrogate.Handler, surrogate.Error, surrogate.Attempts, surrogate.CreatedAt, surrogate.ReplayedAt);

    /// <inheritdoc />
    public DeadLetterSurrogate ConvertToSurrogate(in DeadLetter value) => new(value.Id, value.Event, value.Handler, value.Error, value.Attempts, value.CreatedAt, value.ReplayedAt);
}
