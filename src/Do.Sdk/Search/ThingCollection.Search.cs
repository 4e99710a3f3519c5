using Do.Transport;

namespace Do;

public sealed partial class ThingCollection<T>
{
    /// <summary>
    /// Full-text search over the <see cref="SearchableAttribute"/> properties of this noun's things at HEAD of the
    /// checked-out branch, ranked by bm25 (<c>ctx.Customers.Search("alic*")</c>). Every word must match; a word ending
    /// in <c>*</c> matches as a prefix; matching ignores case and diacritics are kept as written.
    /// </summary>
    /// <param name="query">One or more words, e.g. <c>alic*</c> or <c>red shoes</c>.</param>
    /// <param name="limit">The most hits to return.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The query has no word.</exception>
    public Task<IReadOnlyList<SearchHit<T>>> Search(string query, int limit = 20, CancellationToken cancellationToken = default)
        => SearchCore(query, SearchMode.FullText, limit, cancellationToken);

    /// <summary>
    /// The <paramref name="k"/> things whose searchable text is closest in meaning to <paramref name="text"/> (cosine
    /// similarity of embeddings from <see cref="DoHostOptions.Embeddings"/>). Things changed since the last vector
    /// query are embedded first, in batches.
    /// </summary>
    /// <exception cref="InvalidOperationException">No embedding generator is configured.</exception>
    public Task<IReadOnlyList<SearchHit<T>>> SimilarTo(string text, int k = 10, CancellationToken cancellationToken = default)
        => SearchCore(text, SearchMode.Vector, k, cancellationToken);

    /// <summary>
    /// Full-text (any word) and vector rankings fused by reciprocal rank: things that match words and meaning rank first.
    /// </summary>
    /// <exception cref="InvalidOperationException">No embedding generator is configured.</exception>
    public Task<IReadOnlyList<SearchHit<T>>> HybridSearch(string text, int k = 10, CancellationToken cancellationToken = default)
        => SearchCore(text, SearchMode.Hybrid, k, cancellationToken);

    private async Task<IReadOnlyList<SearchHit<T>>> SearchCore(string query, SearchMode mode, int limit, CancellationToken cancellationToken)
    {
        var documents = await _transport.SearchAsync(T.Noun, query, mode, limit, cancellationToken).ConfigureAwait(false);
        var hits = new List<SearchHit<T>>(documents.Count);
        foreach (var document in documents)
        {
            hits.Add(new SearchHit<T>(Namespace.Value + "/" + document.Id, NounJson.Deserialize<T>(document.Json), document.Score, document.Snippet));
        }

        return hits;
    }
}
