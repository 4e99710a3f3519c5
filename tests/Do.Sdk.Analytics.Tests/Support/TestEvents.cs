namespace Do.Analytics.Tests.Support;

/// <summary>Analytics events made by hand, for the sink and compaction tests.</summary>
public static class TestEvents
{
    public static readonly DateTimeOffset At = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public static EventBatch Batch(string source, long first, long last, string type = "Startup.prioritized")
        => new(source, [.. Enumerable.Range((int)first, (int)(last - first + 1)).Select(s => Event(source, s, type))]);

    public static AnalyticsEvent Event(string source, long sequence, string type = "Startup.prioritized") => new()
    {
        Id = source + "#" + sequence,
        Sequence = sequence,
        Type = type,
        TypeUrl = source + "/Startup",
        Source = source,
        Thing = source + "/acme",
        Actor = "alice",
        Action = sequence + 100,
        Verb = "Prioritize",
        Version = sequence + 1000,
        At = At,
        Data = "{\"priority\":" + sequence + "}",
    };
}
