namespace Do;

/// <summary>An event the object committed: what happened, to which thing, from which action, and when.</summary>
public sealed record EventRecord
{
    /// <summary>
    /// The per-object sequence number: increasing in commit order and never given to another event. Numbers may be
    /// skipped: actions and events draw from one counter, and an event derived from a write is numbered by its action.
    /// </summary>
    public required long Sequence { get; init; }

    /// <summary>The event type, <c>Noun.event</c> (e.g. <c>Startup.prioritized</c>).</summary>
    public required string Type { get; init; }

    /// <summary>The <c>$id</c> of the thing (or object) the event is about.</summary>
    public required string Source { get; init; }

    /// <summary>The local id of the thing, when the event is about a thing.</summary>
    public string? Thing { get; init; }

    /// <summary>The version the event's action wrote.</summary>
    public long? Version { get; init; }

    /// <summary>The action the event is derived from.</summary>
    public long? ActionId { get; init; }

    /// <summary>The event's JSON data: the thing after the change (before it, for a delete).</summary>
    public string? Data { get; init; }

    /// <summary>When the event was committed.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>When handlers finished with it; null while it waits in the outbox.</summary>
    public DateTimeOffset? DispatchedAt { get; init; }
}
