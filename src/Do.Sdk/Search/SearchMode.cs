namespace Do;

/// <summary>How <see cref="ThingCollection{T}"/> ranks things against a query.</summary>
public enum SearchMode
{
    /// <summary>FTS5 full-text match of every word, ranked by bm25.</summary>
    FullText,

    /// <summary>Cosine similarity of embeddings (<see cref="DoHostOptions.Embeddings"/>).</summary>
    Vector,

    /// <summary>Reciprocal-rank fusion of a full-text match of any word and the vector ranking.</summary>
    Hybrid,
}
