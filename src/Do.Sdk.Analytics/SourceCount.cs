namespace Do.Analytics;

/// <summary>How many events one object committed.</summary>
/// <param name="Source">The object's URL.</param>
/// <param name="Count">How many.</param>
public sealed record SourceCount(string Source, long Count);
