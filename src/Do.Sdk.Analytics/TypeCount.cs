namespace Do.Analytics;

/// <summary>How many events of one type.</summary>
/// <param name="Type">The event type (<c>Startup.prioritized</c>).</param>
/// <param name="Count">How many.</param>
public sealed record TypeCount(string Type, long Count);
