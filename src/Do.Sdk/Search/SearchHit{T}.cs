namespace Do;

/// <summary>One thing found by <see cref="ThingCollection{T}.Search"/>, <see cref="ThingCollection{T}.SimilarTo"/> or <see cref="ThingCollection{T}.HybridSearch"/>.</summary>
/// <typeparam name="T">The noun.</typeparam>
/// <param name="Id">The thing's <c>$id</c> URL (<c>ns/localId</c>); usable as a ref.</param>
/// <param name="Value">The thing at HEAD of the checked-out branch.</param>
/// <param name="Score">Higher is better: -bm25 for full text, cosine similarity for vectors, a reciprocal-rank-fusion sum for hybrid.</param>
/// <param name="Snippet">The matching text with matches in <c>[brackets]</c>, or null when the hit came from vectors only.</param>
public sealed record SearchHit<T>(string Id, T Value, double Score, string? Snippet)
    where T : class;
