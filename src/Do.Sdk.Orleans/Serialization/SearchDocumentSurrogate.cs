using Do.Transport;
using Orleans;

namespace Do.Orleans.Serialization;

/// <summary>How <see cref="SearchDocument"/> crosses between silos and clients (Orleans serializes only types it generated code for).</summary>
[GenerateSerializer, Immutable, Alias("Do.Orleans.SearchDocument")]
public readonly record struct SearchDocumentSurrogate([property: Id(0)] string Id, [property: Id(1)] string Json, [property: Id(2)] double Score, [property: Id(3)] string? Snippet);

/// <summary>Converts <see cref="SearchDocument"/> to and from <see cref="SearchDocumentSurrogate"/>.</summary>
[RegisterConverter]
public sealed class SearchDocumentConverter : IConverter<SearchDocument, SearchDocumentSurrogate>
{
    /// <inheritdoc />
    public SearchDocument ConvertFromSurrogate(in SearchDocumentSurrogate surrogate) => new(surrogate.Id, surrogate.Json, surrogate.Score, surrogate.Snippet);

    /// <inheritdoc />
    public SearchDocumentSurrogate ConvertToSurrogate(in SearchDocument value) => new(value.Id, value.Json, value.Score, value.Snippet);
}
