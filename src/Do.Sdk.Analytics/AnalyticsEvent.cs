namespace Do.Analytics;

/// <summary>
/// One event in the global schema: every object's events look alike, identified by full URLs instead of the integer
/// keys that stay inside each object's file. A row of the <c>events</c> view, and what sinks receive.
/// </summary>
public sealed record AnalyticsEvent
{
    /// <summary>Unique across objects: the object's URL, <c>#</c> and the event's sequence in that object (<c>https://startups.studio#42</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The event's sequence in its object's outbox.</summary>
    public required long Sequence { get; init; }

    /// <summary>The event type, <c>Noun.event</c> (<c>Startup.prioritized</c>).</summary>
    public required string Type { get; init; }

    /// <summary>The type URL of the event's noun (<c>https://startups.studio/Startup</c>); null for events about the object itself.</summary>
    public string? TypeUrl { get; init; }

    /// <summary>The URL of the object that committed the event: its namespace.</summary>
    public required string Source { get; init; }

    /// <summary>The <c>$id</c> URL of the thing the event is about; the object's URL for events about the object itself.</summary>
    public required string Thing { get; init; }

    /// <summary>Who did it, when the action recorded an actor.</summary>
    public string? Actor { get; init; }

    /// <summary>The id of the action the event is derived from, local to <see cref="Source"/>.</summary>
    public long? Action { get; init; }

    /// <summary>The verb of that action (<c>Prioritize</c>, <c>create</c>).</summary>
    public string? Verb { get; init; }

    /// <summary>The version (rowid in the object's version log) the action wrote, local to <see cref="Source"/>.</summary>
    public long? Version { get; init; }

    /// <summary>When the event was committed (UTC).</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>The event's JSON payload: the thing after the change (before it, for a delete).</summary>
    public string? Data { get; init; }
}
