using Do.Execution;
using Do.Hosting;
using Do.Lifecycle;
using Do.Storage;

namespace Do;

/// <summary>
/// An object's context (<c>$</c> in do.md): passed to <see cref="DurableObject"/>.Configure and to every handler
/// and async verb. It declares handlers (<see cref="On"/>) and schedules (<see cref="Every"/>), addresses things
/// here and in other objects, and gives deterministic time and ids.
/// </summary>
public sealed partial class Context : IObjectScope
{
    private readonly ObjectActivation _activation;
    private readonly Dictionary<string, Func<string?, Context, Task<string?>>> _definitions = new(StringComparer.Ordinal);

    internal Context(ObjectActivation activation, TimeZoneInfo timeZone)
    {
        _activation = activation;
        On = new EventSubscriptions();
        Every = new Every(timeZone);
    }

    /// <summary>The object's namespace.</summary>
    public ObjectNamespace Namespace => _activation.Namespace;

    internal ObjectActivation Activation => _activation;

    /// <summary>The object's namespace URL as text.</summary>
    public string Ns => _activation.Namespace.Value;

    /// <summary>Event handlers: <c>ctx.On.Customer.Created(...)</c>, <c>ctx.On.Any.Created(...)</c>.</summary>
    public EventSubscriptions On { get; }

    /// <summary>
    /// The event the running handler was called for — its type, the thing's id (<see cref="EventRecord.Thing"/>),
    /// version and sequence — so a typed handler such as <c>ctx.On.Startup.Created((startup, ctx) => ...)</c> also
    /// knows which thing it got. Null outside event handlers.
    /// </summary>
    public EventRecord? Event => HandledEvent.Value is { } handled && ReferenceEquals(handled.Context, this) ? handled.Event : null;

    // Async-local, not a field: a handler's ctx.Send dispatches on another task while the handler still runs.
    internal static AsyncLocal<(Context Context, EventRecord Event)?> HandledEvent { get; } = new();

    /// <summary>Schedules: <c>ctx.Every.Monday.At9am(...)</c>, <c>ctx.Every.Cron("*/15 * * * *", ...)</c>.</summary>
    public Every Every { get; }

    /// <summary>The host's clock. Use it (or <see cref="Now"/>) instead of <c>DateTime.UtcNow</c> in verbs and handlers.</summary>
    public TimeProvider Time => _activation.Host.Time;

    /// <summary>The current time from <see cref="Time"/>.</summary>
    public DateTimeOffset Now => _activation.Host.Time.GetUtcNow();

    /// <summary>A new time-ordered id (UUID v7) stamped from <see cref="Time"/>; use it instead of <c>Guid.NewGuid()</c>.</summary>
    public Guid NewId() => Guid.CreateVersion7(Now);

    /// <summary>
    /// The id of the durable action the current async verb runs as: an idempotency key for its effects (the same on
    /// every retry and after a crash). Null outside a durable action.
    /// </summary>
    public long? ActionId => ActionScope.For(_activation) is { ActionId: > 0 } scope ? scope.ActionId : null;

    /// <summary>
    /// Who the current verb, handler or schedule acts for: the caller's <c>As(actor)</c>, the actor of the action whose
    /// event a handler handles, <c>schedule:{id}</c> for a schedule, or <c>system</c>. Writes made here record it.
    /// </summary>
#pragma warning disable CA1822 // An instance member: the actor belongs to the context's current flow, as ActionId does.
    public string Actor => ActorScope.Resolve(null);
#pragma warning restore CA1822

    /// <summary>
    /// Emits a durable custom event into the object's outbox (unlike <see cref="Send(string, string?)"/>, which is
    /// in memory only). Inside a verb it commits in the verb's own transaction, so it exists exactly when the verb's
    /// change does; elsewhere (a handler, a schedule, <c>Configure</c>) it commits at once. After commit it goes to
    /// <c>ctx.On.Event(type, …)</c> handlers, is redelivered after a crash, and is streamed to analytics like any event.
    /// </summary>
    /// <param name="eventType">The event type: <c>noun.event</c> style (<c>order.placed</c>) or a plain name.</param>
    /// <param name="dataJson">The event's data as a JSON object, or null.</param>
    /// <exception cref="ArgumentException">The type is empty or the data is not a JSON object.</exception>
    public void Emit(string eventType, string? dataJson = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventType);
        if (dataJson is not null)
        {
            ThingStore.ValidateJson(dataJson, nameof(dataJson));
        }

        if (EmitBuffer.Current is { } buffer && ReferenceEquals(buffer.Owner, _activation))
        {
            buffer.Add(eventType, dataJson);
            return;
        }

        Database.Events.Emit(eventType, dataJson, ActionId);
    }

    /// <summary>Emits a durable custom event with typed data; see <see cref="Emit(string, string?)"/>.</summary>
    public void Emit<T>(string eventType, T data)
        where T : class, INoun<T>
        => Emit(eventType, NounJson.Serialize(data));

    /// <summary>Which attempt of the current action this is (1 for the first); 0 outside an action.</summary>
    public int Attempt => ActionScope.For(_activation)?.Attempt ?? 0;

    /// <summary>Cancelled when the current action attempt times out. Pass it to the effects an async verb awaits.</summary>
    public CancellationToken CancellationToken => ActionScope.For(_activation)?.CancellationToken ?? CancellationToken.None;

    /// <summary>
    /// Fire-and-forget: hands an event to this object's handlers in memory and returns at once. Nothing is persisted —
    /// if the process stops first, the event is lost; use a verb (durable by default) for anything that must happen.
    /// </summary>
    /// <param name="eventType">The event type, <c>Noun.event</c> or a plain name such as <c>welcome</c>.</param>
    /// <param name="dataJson">The event's data as a JSON object, or null.</param>
    public void Send(string eventType, string? dataJson = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventType);
        if (dataJson is not null)
        {
            ThingStore.ValidateJson(dataJson, nameof(dataJson));
        }

        var record = new EventRecord { Sequence = 0, Type = eventType, Source = Ns, Data = dataJson, At = Now };
        var target = _activation.Target;
        _activation.Host.RunDetached(() => target.RunAsync(a => new ValueTask<bool>(a.DispatchTransientAsync(record)), CancellationToken.None), $"Send({eventType}) in {Ns}");
    }

    /// <summary>Fire-and-forget with typed data; see <see cref="Send(string, string?)"/>.</summary>
    public void Send<T>(string eventType, T data)
        where T : class, INoun<T>
        => Send(eventType, NounJson.Serialize(data));

    /// <summary>
    /// One attempt at <paramref name="work"/> with the action timeout, awaited; the outcome is recorded as a <c>try</c>
    /// action (<c>completed</c> or <c>failed</c>). It is never retried or resumed.
    /// </summary>
    /// <exception cref="ActionFailedException">The attempt failed or timed out.</exception>
    public async Task<TResult> Try<TResult>(string action, Func<CancellationToken, Task<TResult>> work, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        ArgumentNullException.ThrowIfNull(work);
        var db = Database;
        try
        {
            var result = await _activation.Host.Pipelines.ForTry(null).ExecuteAsync(async token => await work(token).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            db.Actions.InsertCompleted(action, null, "", null, db.Branches.Current, null, Durability.Try, db.NowMilliseconds());
            return result;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            var id = db.Actions.InsertFailed(action, "", null, db.Branches.Current, null, Durability.Try, e.Message);
            throw new ActionFailedException(id, action, Ns, 1, e);
        }
    }

    /// <summary>
    /// Defines a named durable action (in <c>Configure</c>) that <see cref="Do(string, string?, CancellationToken)"/>
    /// runs. The handler takes the input JSON and returns output JSON (or null); it may have effects, and must
    /// tolerate running more than once (use <see cref="ActionId"/> as the idempotency key).
    /// </summary>
    /// <exception cref="ArgumentException">The name is empty or already defined.</exception>
    public void Define(string action, Func<string?, Context, Task<string?>> handler)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        ArgumentNullException.ThrowIfNull(handler);
        if (!_definitions.TryAdd(action, handler))
        {
            throw new ArgumentException($"The action \"{action}\" is already defined in {Ns}; each name is defined once, in Configure.", nameof(action));
        }
    }

    /// <summary>
    /// Durable execution of an action defined with <see cref="Define"/>: the action is persisted before it runs,
    /// retried with backoff and a per-attempt timeout, its output and an <c>{action}.completed</c> event committed
    /// together, and resumed by the host if the process stops first. Returns the output JSON.
    /// </summary>
    /// <exception cref="ArgumentException">No action of that name is defined.</exception>
    /// <exception cref="ActionFailedException">Every attempt failed; the action is recorded as failed with an <c>{action}.failed</c> event.</exception>
    public Task<string?> Do(string action, string? inputJson = null, CancellationToken cancellationToken = default)
    {
        var handler = FindDefinition(action);
        if (inputJson is not null)
        {
            ThingStore.ValidateJson(inputJson, nameof(inputJson));
        }

        return ActionWaiters.Follow(_activation.Target.RunAsync(a => VerbExecution.RunDefinedAsync(a, action, inputJson, handler, null, cancellationToken), cancellationToken), cancellationToken);
    }

    internal Func<string?, Context, Task<string?>>? FindDefinitionOrNull(string action) => _definitions.GetValueOrDefault(action);

    private Func<string?, Context, Task<string?>> FindDefinition(string action)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        return _definitions.GetValueOrDefault(action)
            ?? throw new ArgumentException($"No action \"{action}\" is defined in {Ns}. Define it in Configure with ctx.Define(\"{action}\", handler). Defined: {(_definitions.Count == 0 ? "none" : string.Join(", ", _definitions.Keys))}.", nameof(action));
    }

    /// <summary>Creates a branch at the current head (copy-on-write: no rows are copied); records <c>branch.created</c>.</summary>
    /// <exception cref="InvalidBranchNameException">The name breaks git's rules for a single ref component.</exception>
    /// <exception cref="InvalidOperationException">The name is <c>main</c> or already taken, or a read-only view is checked out.</exception>
    public Task<string> Branch(string name, CancellationToken cancellationToken = default) => ObjectLifecycle.Branch(_activation.Target, name, cancellationToken);

    /// <summary>
    /// Checks out a branch (<c>experiment</c>, <c>@experiment</c>, <c>main</c>) so later reads and writes go there, or
    /// a read-only view (<c>@v1234</c>, <c>@~1</c>, <c>@2026-11-23T09:00:00Z</c>) where writes fail with
    /// <see cref="DetachedWriteException"/>. Returns what is checked out.
    /// </summary>
    public Task<string> Checkout(string reference, CancellationToken cancellationToken = default) => ObjectLifecycle.Checkout(_activation.Target, reference, cancellationToken);

    /// <summary>
    /// Deletes a branch with its versions and what was recorded on it (actions, their events and dead letters);
    /// records <c>branch.deleted</c>. <see cref="Merge"/> keeps the merged branch, so this is how one is retired:
    /// a branch whose every version was merged is deleted as is; one with unmerged versions needs
    /// <paramref name="force"/>, which discards them. Returns the deleted branch's name.
    /// </summary>
    /// <exception cref="InvalidOperationException">The branch is <c>main</c> or checked out, has branches of its own, has unmerged versions and <paramref name="force"/> is false, or has an action in progress.</exception>
    /// <exception cref="RefNotFoundException">There is no branch with that name.</exception>
    public Task<string> DeleteBranch(string name, bool force = false, CancellationToken cancellationToken = default) => ObjectLifecycle.DeleteBranch(_activation.Target, name, force, cancellationToken);

    /// <summary>The object's branches, <c>main</c> first.</summary>
    public Task<IReadOnlyList<string>> Branches(CancellationToken cancellationToken = default) => ObjectLifecycle.Branches(_activation.Target, cancellationToken);

    /// <summary>What is checked out: a branch name, or <c>@v{n}</c> for a read-only view.</summary>
    public Task<string> CheckedOut(CancellationToken cancellationToken = default) => ObjectLifecycle.CheckedOut(_activation.Target, cancellationToken);

    /// <summary>
    /// Three-way merge of <paramref name="branch"/> into the checked-out branch, per thing and per top-level field
    /// against the fork point; merged rows are appended; records <c>merge.completed</c>.
    /// </summary>
    /// <exception cref="MergeConflictException">With <see cref="MergeStrategy.None"/>, some field changed on both sides: nothing is written and every conflict is listed (a <c>merge.conflict</c> event goes to handlers in memory).</exception>
    public Task<MergeResult> Merge(string branch, MergeStrategy strategy = MergeStrategy.None, CancellationToken cancellationToken = default) => ObjectLifecycle.Merge(_activation.Target, branch, strategy, cancellationToken);

    /// <summary>Creates a new object at <paramref name="to"/> from the current HEAD state (no history), linked both ways; records <c>fork.completed</c>.</summary>
    /// <exception cref="InvalidOperationException">An object already exists at <paramref name="to"/>.</exception>
    public async Task<ObjectClient> Fork(string to, CancellationToken cancellationToken = default)
        => new(await ObjectLifecycle.Fork(_activation.Target, ObjectNamespace.Parse(to), cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// Squashes history to HEAD rows (same ids), archiving older actions and events to a JSON-lines file next to the
    /// database, then vacuums; records <c>compact.completed</c>. Refused while other branches exist unless <paramref name="force"/> (which drops them).
    /// </summary>
    public Task<CompactResult> Compact(bool force = false, CancellationToken cancellationToken = default) => ObjectLifecycle.Compact(_activation.Target, force, cancellationToken);

    /// <summary>Moves the object's file to a configured colo (<see cref="DoHostOptions.Colos"/>); calls during the move wait, then succeed. Returns the new path.</summary>
    public Task<string> MoveTo(string colo, CancellationToken cancellationToken = default) => ObjectLifecycle.MoveTo(_activation.Target, colo, cancellationToken);

    /// <summary>The object's version log. Usable inside the object's turns (Configure, handlers, verbs).</summary>
    internal ThingStore Things => Database.Things;

    /// <summary>The object's action log. Usable inside the object's turns.</summary>
    internal ActionStore Actions => Database.Actions;

    /// <summary>The object's event outbox. Usable inside the object's turns.</summary>
    internal EventStore Events => Database.Events;

    /// <summary>Graph edges between things. Usable inside the object's turns.</summary>
    internal RelationshipStore Relationships => Database.Relationships;

    /// <summary>Links to other objects (parent, children, root). Usable inside the object's turns.</summary>
    internal ObjectStore Objects => Database.Objects;

    /// <summary>Full-text search. Usable inside the object's turns.</summary>
    internal SearchStore Search => Database.Search;

    private ObjectDatabase Database
        => _activation.IsInTurn
            ? _activation.Database
            : throw new InvalidOperationException($"The stores of {Ns} were used outside one of its turns. Use them inside Configure, a handler or a verb, or go through host.Object<T>(\"{Ns}\").");

    /// <inheritdoc />
    public ThingCollection<T> Collection<T>()
        where T : class, INoun<T>
        => new(_activation.Transport);

    /// <inheritdoc />
    public ThingRef<T> Ref<T>(string reference)
        where T : class, INoun<T>
        => new(_activation.Transport, global::Do.Ref.Parse(reference));

    /// <summary>A client for another object, by namespace; the call runs as a turn of that object.</summary>
    public ObjectClient<TObject> Object<TObject>(string ns)
        where TObject : DurableObject, new()
        => _activation.Host.Object<TObject>(ns);
}
