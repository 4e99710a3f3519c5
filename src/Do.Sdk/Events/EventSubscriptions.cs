using Do.Storage;

namespace Do;

/// <summary>
/// The object's event handlers (<c>ctx.On</c>). The generator adds one typed accessor per noun
/// (<c>ctx.On.Startup.Prioritized(...)</c>); <see cref="Any"/> and <see cref="Subscribe(string, Func{EventRecord, Context, Task})"/>
/// cover wildcards. After a commit, each event goes to the exact handlers first, then <c>Noun.*</c>, then
/// <c>*.event</c>, then <c>*.*</c>, in registration order within each group. Object events (<see cref="ObjectEvents"/>)
/// go to their exact handlers (<see cref="Object"/>) and to <c>*.*</c> only. While a handler runs,
/// <see cref="Context.Event"/> is the event it was called for (with the thing's id), also for typed handlers.
/// </summary>
public sealed class EventSubscriptions
{
    private const int MaxCachedMatches = 256;
    private readonly Dictionary<string, List<EventHandlerRegistration>> _handlers = new(StringComparer.Ordinal);

    // Handlers per event type, computed on first use: dispatch and the outbox's "does anyone listen" check run per
    // event, and handlers only change while Configure runs (each Subscribe clears this).
    private readonly Dictionary<string, EventHandlerRegistration[]> _matches = new(StringComparer.Ordinal);

    internal EventSubscriptions()
    {
        Any = new AnyNounEvents(this);
        Object = new ObjectEventSubscriptions(this);
    }

    /// <summary>Handlers for events of every noun: <c>ctx.On.Any.Created(...)</c>, <c>ctx.On.Any.Any(...)</c>.</summary>
    public AnyNounEvents Any { get; }

    /// <summary>Handlers for object events, which no thing wildcard receives: <c>ctx.On.Object.BranchCreated(...)</c>.</summary>
    public ObjectEventSubscriptions Object { get; }

    /// <summary>How many handlers are registered.</summary>
    public int Count { get; private set; }

    /// <summary>
    /// Subscribes to an event type pattern: <c>Startup.prioritized</c>, <c>Startup.*</c>, <c>*.created</c> or <c>*.*</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The pattern is not <c>Noun.event</c> with optional <c>*</c> on either side.</exception>
    public void Subscribe(string pattern, Func<EventRecord, Context, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ValidatePattern(pattern);
        if (!_handlers.TryGetValue(pattern, out var list))
        {
            list = [];
            _handlers.Add(pattern, list);
        }

        _matches.Clear();
        list.Add(new EventHandlerRegistration(pattern + "#" + list.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), handler));
        Count++;
    }

    /// <summary>
    /// Subscribes to custom events emitted with <see cref="Context.Emit(string, string?)"/> (or any event type), with the
    /// same patterns as <see cref="Subscribe(string, Func{EventRecord, Context, Task})"/>: <c>ctx.On.Event("order.placed", (e, ctx) => …)</c>.
    /// </summary>
    public void Event(string pattern, Func<EventRecord, Context, Task> handler) => Subscribe(pattern, handler);

    /// <summary>Subscribes a typed handler: the event's data is read as <typeparamref name="T"/> before the call.</summary>
    public void Subscribe<T>(string pattern, Func<T, Context, Task> handler)
        where T : class, INoun<T>
    {
        ArgumentNullException.ThrowIfNull(handler);
        Subscribe(pattern, (e, ctx) => e.Data is null
            ? Task.CompletedTask
            : handler(NounJson.Deserialize<T>(e.Data), ctx));
    }

    /// <summary>The handlers for an event type, in dispatch order. Cached per type: no allocation per event.</summary>
    internal EventHandlerRegistration[] Match(string eventType)
    {
        if (Count == 0)
        {
            return [];
        }

        if (_matches.TryGetValue(eventType, out var cached))
        {
            return cached;
        }

        var result = new List<EventHandlerRegistration>();
        if (ObjectEvents.IsObjectEvent(eventType))
        {
            // An object event is not a thing's: "*.created" means things created, not a branch.
            Add(result, eventType);
            Add(result, "*.*");
        }
        else
        {
            int dot = eventType.IndexOf('.', StringComparison.Ordinal);
            var noun = dot < 0 ? eventType : eventType[..dot];
            var name = dot < 0 ? "" : eventType[(dot + 1)..];
            Add(result, eventType);
            Add(result, noun + ".*");
            Add(result, "*." + name);
            Add(result, "*.*");
        }

        if (_matches.Count >= MaxCachedMatches)
        {
            _matches.Clear(); // custom event names are open-ended; the cache must not grow with them
        }

        var handlers = result.ToArray();
        _matches[eventType] = handlers;
        return handlers;
    }

    /// <summary>True when at least one handler would receive an event of <paramref name="eventType"/>.</summary>
    internal bool HasAny(string eventType) => Match(eventType).Length > 0;

    /// <summary>The handler with a stable id (<c>pattern#ordinal</c>), or null when Configure no longer declares it.</summary>
    internal EventHandlerRegistration? Find(string handlerId)
    {
        int hash = handlerId.LastIndexOf('#');
        if (hash > 0 && _handlers.TryGetValue(handlerId[..hash], out var list))
        {
            foreach (var registration in list)
            {
                if (registration.Id == handlerId)
                {
                    return registration;
                }
            }
        }

        return null;
    }

    private void Add(List<EventHandlerRegistration> result, string key)
    {
        if (_handlers.TryGetValue(key, out var list))
        {
            result.AddRange(list);
        }
    }

    private static void ValidatePattern(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        int dot = pattern.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0 && pattern.Length > 0 && !pattern.Contains('*', StringComparison.Ordinal) && !pattern.Contains(' ', StringComparison.Ordinal))
        {
            return; // a plain name, as sent by ctx.Send("welcome", ...): matched exactly (and by *.*)
        }

        if (dot <= 0 || dot == pattern.Length - 1 || pattern.IndexOf('.', dot + 1) >= 0 || pattern.Contains(' ', StringComparison.Ordinal))
        {
            throw new ArgumentException($"\"{pattern}\" is not an event pattern. Expected Noun.event with '*' allowed for either part, e.g. Startup.prioritized, Startup.*, *.created or *.*.", nameof(pattern));
        }
    }
}
