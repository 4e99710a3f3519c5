using Orleans;

namespace Do.Orleans.Serialization;

/// <summary>How <see cref="Do.Transport.ThingVersionData"/> crosses between silos and clients (Orleans serializes only types it generated code for).</summary>
[GenerateSerializer, Immutable, Alias("Do.Orleans.ThingVersionData")]
public readonly record struct ThingVersionDataSurrogate([property: Id(0)] long Version, [property: Id(1)] string? Json, [property: Id(2)] bool Deleted, [property: Id(3)] string Verb, [property: Id(4)] DateTimeOffset At);

/// <summary>Converts <see cref="Do.Transport.ThingVersionData"/> to and from <see cref="ThingVersionDataSurrogate"/>.</summary>
[RegisterConverter]
public sealed class ThingVersionDataConverter : IConverter<Do.Transport.ThingVersionData, ThingVersionDataSurrogate>
{
    /// <inheritdoc />
    public Do.Transport.ThingVersionData ConvertFromSurrogate(in ThingVersionDataSurrogate surrogate) => new(surrogate.Version, surrogate.Json, surrogate.Deleted, surrogate.Verb, surrogate.At);

    /// <inheritdoc />
    public ThingVersionDataSurrogate ConvertToSurrogate(in Do.Transport.ThingVersionData value) => new(value.Version, value.Json, value.Deleted, value.Verb, value.At);
}
