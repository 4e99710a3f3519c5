namespace Do.Analytics;

/// <summary>Consecutive events of one object, oldest first, handed to a sink in one call.</summary>
public sealed class EventBatch
{
    /// <summary>Creates a batch; <paramref name="events"/> must be non-empty, of <paramref name="source"/>, in sequence order.</summary>
    /// <exception cref="ArgumentException">The batch is empty.</exception>
    public EventBatch(string source, IReadOnlyList<AnalyticsEvent> events)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            throw new ArgumentException($"A batch of {source} holds no events; expected at least one.", nameof(events));
        }

        Source = source;
        Events = events;
    }

    /// <summary>The URL of the object the events come from.</summary>
    public string Source { get; }

    /// <summary>The events, in sequence order.</summary>
    public IReadOnlyList<AnalyticsEvent> Events { get; }

    /// <summary>The sequence of the first event.</summary>
    public long FirstSequence => Events[0].Sequence;

    /// <summary>The sequence of the last event.</summary>
    public long LastSequence => Events[^1].Sequence;
}
