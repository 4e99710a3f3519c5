namespace Do.Transport;

/// <summary>One search hit as it crosses a transport: the thing's local id, its JSON at HEAD, score and snippet.</summary>
/// <param name="Id">The local id.</param>
/// <param name="Json">The thing's JSON at HEAD of the checked-out branch.</param>
/// <param name="Score">Higher is better (see <see cref="SearchHit{T}.Score"/>).</param>
/// <param name="Snippet">The matching text with matches in brackets, or null.</param>
public sealed record SearchDocument(string Id, string Json, double Score, string? Snippet);
