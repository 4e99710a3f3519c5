using Do.Storage;

namespace Do;

/// <summary>Handlers for an event of any noun (<c>ctx.On.Any</c>).</summary>
public sealed class AnyNounEvents
{
    private readonly EventSubscriptions _on;

    internal AnyNounEvents(EventSubscriptions on) => _on = on;

    /// <summary>Runs <paramref name="handler"/> after any thing is created.</summary>
    public void Created(Func<EventRecord, Context, Task> handler) => _on.Subscribe("*.created", handler);

    /// <summary>Runs <paramref name="handler"/> after any thing is updated.</summary>
    public void Updated(Func<EventRecord, Context, Task> handler) => _on.Subscribe("*.updated", handler);

    /// <summary>Runs <paramref name="handler"/> after any thing is deleted.</summary>
    public void Deleted(Func<EventRecord, Context, Task> handler) => _on.Subscribe("*.deleted", handler);

    /// <summary>Runs <paramref name="handler"/> after every event.</summary>
    public void Any(Func<EventRecord, Context, Task> handler) => _on.Subscribe("*.*", handler);

    /// <summary>Runs <paramref name="handler"/> after every event named <paramref name="eventName"/> (e.g. <c>prioritized</c>), of any noun.</summary>
    public void Event(string eventName, Func<EventRecord, Context, Task> handler) => _on.Subscribe("*." + eventName, handler);
}
