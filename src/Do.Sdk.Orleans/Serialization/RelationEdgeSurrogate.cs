using Do.Transport;
using Orleans;

namespace Do.Orleans.Serialization;

/// <summary>How <see cref="RelationEdge"/> crosses between silos and clients (Orleans serializes only types it generated code for).</summary>
[GenerateSerializer, Immutable, Alias("Do.Orleans.RelationEdge")]
public readonly record struct RelationEdgeSurrogate(
    [property: Id(0)] string FromNoun,
    [property: Id(1)] string From,
    [property: Id(2)] string Type,
    [property: Id(3)] string ToNoun,
    [property: Id(4)] string To,
    [property: Id(5)] string? Data);

/// <summary>Converts <see cref="RelationEdge"/> to and from <see cref="RelationEdgeSurrogate"/>.</summary>
[RegisterConverter]
public sealed class RelationEdgeConverter : IConverter<RelationEdge, RelationEdgeSurrogate>
{
    /// <inheritdoc />
    public RelationEdge ConvertFromSurrogate(in RelationEdgeSurrogate surrogate) => new(surrogate.FromNoun, surrogate.From, surrogate.Type, surrogate.ToNoun, surrogate.To, surrogate.Data);

    /// <inheritdoc />
    public RelationEdgeSurrogate ConvertToSurrogate(in RelationEdge value) => new(value.FromNoun, value.From, value.Type, value.ToNoun, value.To, value.Data);
}
