using Do.Hosting;
using Do.Storage;

namespace Do;

/// <summary>
/// An object's context (<c>$</c> in do.md): passed to <see cref="DurableObject"/>.Configure and to every handler
/// and async verb. It declares handlers (<see cref="On"/>) and schedules (<see cref="Every"/>), addresses things
/// here and in other objects, and gives deterministic time and ids.
/// </summary>
public sealed class Context : IObjectScope
{
    private readonly ObjectActivation _activation;

    internal Context(ObjectActivation activation, TimeZoneInfo timeZone)
    {
        _activation = activation;
        On = new EventSubscriptions();
        Every = new Every(timeZone);
    }

    /// <summary>The object's namespace.</summary>
    public ObjectNamespace Namespace => _activation.Namespace;

    /// <summary>The object's namespace URL as text.</summary>
    public string Ns => _activation.Namespace.Value;

    /// <summary>Event handlers: <c>ctx.On.Customer.Created(...)</c>, <c>ctx.On.Any.Created(...)</c>.</summary>
    public EventSubscriptions On { get; }

    /// <summary>Schedules: <c>ctx.Every.Monday.At9am(...)</c>, <c>ctx.Every.Cron("*/15 * * * *", ...)</c>.</summary>
    public Every Every { get; }

    /// <summary>The host's clock. Use it (or <see cref="Now"/>) instead of <c>DateTime.UtcNow</c> in verbs and handlers.</summary>
    public TimeProvider Time => _activation.Host.Time;

    /// <summary>The current time from <see cref="Time"/>.</summary>
    public DateTimeOffset Now => _activation.Host.Time.GetUtcNow();

    /// <summary>A new time-ordered id (UUID v7) stamped from <see cref="Time"/>; use it instead of <c>Guid.NewGuid()</c>.</summary>
    public Guid NewId() => Guid.CreateVersion7(Now);

    /// <summary>The object's version log. Usable inside the object's turns (Configure, handlers, verbs).</summary>
    public ThingStore Things => Database.Things;

    /// <summary>The object's action log. Usable inside the object's turns.</summary>
    public ActionStore Actions => Database.Actions;

    /// <summary>The object's event outbox. Usable inside the object's turns.</summary>
    public EventStore Events => Database.Events;

    /// <summary>Graph edges between things. Usable inside the object's turns.</summary>
    public RelationshipStore Relationships => Database.Relationships;

    /// <summary>Links to other objects (parent, children, root). Usable inside the object's turns.</summary>
    public ObjectStore Objects => Database.Objects;

    /// <summary>Full-text search. Usable inside the object's turns.</summary>
    public SearchStore Search => Database.Search;

    private ObjectDatabase Database
        => _activation.IsInTurn
            ? _activation.Database
            : throw new InvalidOperationException($"The stores of {Ns} were used outside one of its turns. Use them inside Configure, a handler or a verb, or go through host.Object<T>(\"{Ns}\").");

    /// <inheritdoc />
    public ThingCollection<T> Collection<T>()
        where T : class, INoun<T>
        => new(_activation.Target);

    /// <inheritdoc />
    public ThingRef<T> Ref<T>(string reference)
        where T : class, INoun<T>
        => new(_activation.Target, Do.Ref.Parse(reference));

    /// <summary>A client for another object, by namespace; the call runs as a turn of that object.</summary>
    public ObjectClient<TObject> Object<TObject>(string ns)
        where TObject : DurableObject, new()
        => _activation.Host.Object<TObject>(ns);
}
