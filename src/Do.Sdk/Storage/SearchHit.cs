namespace Do.Storage;

/// <summary>A full-text match.</summary>
/// <param name="ThingId">The local id of the matching thing.</param>
/// <param name="Noun">The noun of the matching thing.</param>
/// <param name="Snippet">The matching text with the hits in [brackets].</param>
/// <param name="Rank">FTS5's bm25 rank: lower is better.</param>
internal sealed record SearchHit(string ThingId, string Noun, string Snippet, double Rank);
