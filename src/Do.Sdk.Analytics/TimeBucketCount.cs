namespace Do.Analytics;

/// <summary>How many events of one type fell in one time bucket.</summary>
/// <param name="Start">The bucket's start (UTC).</param>
/// <param name="Type">The event type.</param>
/// <param name="Count">How many.</param>
public sealed record TimeBucketCount(DateTimeOffset Start, string Type, long Count);
