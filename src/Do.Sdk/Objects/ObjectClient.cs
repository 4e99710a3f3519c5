using Do.Hosting;
using Do.Storage;
using Do.Transport;

namespace Do;

/// <summary>
/// A handle on one durable object from outside it (<c>host.Object&lt;Studio&gt;("https://startups.studio")</c>).
/// It is cheap: it holds no connection, and every call activates the object if needed and runs as one of its turns.
/// It reaches the object through an <see cref="IObjectTransport"/>: in this process for <see cref="DoHost"/>, over
/// HTTP for <c>Do.Client.DoClient</c>, through a grain on Orleans. Members marked "in-process only" need the embedded
/// host and throw <see cref="NotSupportedException"/> on other transports.
/// </summary>
public partial class ObjectClient : IObjectScope
{
    /// <summary>A client over <paramref name="transport"/>. Hosts and integrations create clients; user code gets them from a host.</summary>
    public ObjectClient(IObjectTransport transport) => Transport = transport ?? throw new ArgumentNullException(nameof(transport));

    internal ObjectClient(ObjectTarget target)
        : this(new InProcessTransport(target))
    {
    }

    /// <inheritdoc />
    public ObjectNamespace Namespace => Transport.Namespace;

    /// <summary>The object's namespace URL as text.</summary>
    public string Ns => Transport.Namespace.Value;

    /// <summary>How this client reaches the object.</summary>
    public IObjectTransport Transport { get; }

    /// <summary>The embedded host's handle on the object, for the in-process-only members.</summary>
    internal ObjectTarget Target
        => (Transport as InProcessTransport)?.Target
           ?? throw new NotSupportedException($"This call runs in-process only, on an object of an embedded DoHost; {Ns} is reached through {Transport.GetType().Name}.");

    /// <inheritdoc />
    public ThingCollection<T> Collection<T>()
        where T : class, INoun<T>
        => new(Transport);

    /// <inheritdoc />
    public ThingRef<T> Ref<T>(string reference)
        where T : class, INoun<T>
        => new(Transport, Do.Ref.Parse(reference));

    /// <summary>
    /// Runs <paramref name="work"/> as one turn of the object, with its <see cref="Context"/> (and so its stores).
    /// In-process only: the work is a delegate, which cannot cross a process boundary.
    /// </summary>
    /// <exception cref="NotSupportedException">The object is not in this process.</exception>
    public Task<TResult> Run<TResult>(Func<Context, TResult> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        return Target.RunAsync(activation => ValueTask.FromResult(work(activation.Context)), cancellationToken);
    }

    /// <summary>Runs asynchronous <paramref name="work"/> as one turn of the object. In-process only.</summary>
    /// <exception cref="NotSupportedException">The object is not in this process.</exception>
    public Task<TResult> Run<TResult>(Func<Context, Task<TResult>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        return Target.RunAsync(async activation => await work(activation.Context).ConfigureAwait(false), cancellationToken);
    }

    /// <summary>
    /// Makes <paramref name="child"/> a child of this object: the parent records a <c>child</c> link, the child a
    /// <c>parent</c> and a <c>root</c> link. A <see cref="Do.App"/>'s parent must be a <see cref="Do.Business"/>,
    /// a <see cref="Do.Site"/>'s an <see cref="Do.App"/>. In-process only.
    /// </summary>
    /// <exception cref="NotSupportedException">Either object is not in this process.</exception>
    /// <exception cref="InvalidOperationException">The link breaks the Business → App → Site hierarchy, or links an object to itself.</exception>
    public async Task AddChild(ObjectClient child, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(child);
        if (child.Namespace == Namespace)
        {
            throw new InvalidOperationException($"{Ns} cannot be its own child.");
        }

        var (parentKind, parentClass, parentRoot) = await Target.RunAsync(a => ValueTask.FromResult((a.Instance.Kind, a.ClassInfo.Name, a.Database.Objects.Root())), cancellationToken).ConfigureAwait(false);
        var (childKind, childClass) = await child.Target.RunAsync(a => ValueTask.FromResult((a.Instance.Kind, a.ClassInfo.Name)), cancellationToken).ConfigureAwait(false);
        var required = childKind switch
        {
            ObjectKind.App => ObjectKind.Business,
            ObjectKind.Site => ObjectKind.App,
            _ => (ObjectKind?)null,
        };
        if (required is { } kind && parentKind != kind)
        {
            throw new InvalidOperationException($"{child.Ns} is {Article(childKind)} {childKind}; its parent must be {Article(kind)} {kind}, but {Ns} is {Article(parentKind)} {parentKind}. Objects form Business → App → Site.");
        }

        var root = parentRoot is null ? Namespace : ObjectNamespace.Parse(parentRoot.Namespace);
        var rootClass = parentRoot?.Class ?? parentClass;
        await child.Target.RunAsync(a =>
        {
            a.Database.InTransaction(() =>
            {
                a.Database.Objects.Link(Namespace, parentClass, ObjectStore.ParentRole);
                a.Database.Objects.Link(root, rootClass, ObjectStore.RootRole);
            });
            return ValueTask.FromResult(true);
        }, cancellationToken).ConfigureAwait(false);
        await Target.RunAsync(a => ValueTask.FromResult(a.Database.Objects.Link(child.Namespace, childClass, ObjectStore.ChildRole)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs a noun verb by name (the dispatch table the generator registers): reads HEAD of <paramref name="id"/>,
    /// applies <paramref name="verb"/> with its arguments as a JSON object, and appends the new version, action and
    /// event in one transaction.
    /// </summary>
    /// <exception cref="ArgumentException">The noun or verb is not registered.</exception>
    /// <exception cref="AmbiguousNounException">More than one registered noun has the name <paramref name="noun"/>.</exception>
    /// <exception cref="ThingNotFoundException">The thing does not exist or is deleted.</exception>
    public Task InvokeVerb(string noun, string id, string verb, string? inputJson = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(noun);
        ArgumentNullException.ThrowIfNull(verb);
        ThingStore.ValidateId(id);
        var info = DoRegistry.FindNoun(noun) ?? throw new ArgumentException($"\"{noun}\" is not a registered noun. Registered: {string.Join(", ", DoRegistry.Nouns.Select(n => n.Name).Order())}.", nameof(noun));
        var verbInfo = info.FindVerb(verb) ?? throw new ArgumentException($"{noun} has no verb \"{verb}\". Its verbs: {(info.Verbs.Count == 0 ? "none" : string.Join(", ", info.Verbs.Select(v => v.Name)))}.", nameof(verb));
        if (inputJson is not null)
        {
            ThingStore.ValidateJson(inputJson, nameof(inputJson));
        }

        return Transport.InvokeAsync(new VerbCall { Noun = info, Id = id, Verb = verbInfo, InputJson = inputJson }, cancellationToken);
    }

    /// <summary>
    /// This client acting for <paramref name="actor"/> (a user id, a service name, a URL): every action its calls
    /// cause — verbs, writes, undo — records that actor, and so do the writes of the handlers those actions trigger.
    /// </summary>
    /// <exception cref="ArgumentException">The actor is empty.</exception>
    public ObjectClient As(string actor) => new(Transport.WithActor(actor));

    /// <summary>The object's action log, newest first: a page of at most <see cref="ActionFilter.Limit"/> actions matching <paramref name="filter"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The filter's page size or time window is invalid.</exception>
    public Task<IReadOnlyList<ActionInfo>> Actions(ActionFilter? filter = null, CancellationToken cancellationToken = default)
        => Transport.ActionsAsync(filter ?? new ActionFilter(), cancellationToken);

    /// <summary>One action of the log, or null when there is none with that id.</summary>
    public Task<ActionInfo?> Action(long actionId, CancellationToken cancellationToken = default)
        => Transport.ActionAsync(actionId, cancellationToken);

    /// <summary>
    /// Undoes a thing write: appends a version that puts back the value each field had before the action (a create
    /// is undone by a delete, a delete by restoring the thing), marks the action <see cref="ActionStatus.Undone"/> and
    /// emits <c>{Noun}.undone</c>. The undo is an action itself, with its actor, on the checked-out branch. Returns it.
    /// </summary>
    /// <exception cref="UndoConflictException">A later action changed a field this one changed; nothing is written unless <paramref name="force"/>.</exception>
    /// <exception cref="ArgumentException">There is no action with that id.</exception>
    /// <exception cref="InvalidOperationException">The action is not a completed thing write.</exception>
    public Task<ActionInfo> Undo(long actionId, bool force = false, CancellationToken cancellationToken = default)
        => Transport.UndoAsync(actionId, undo: true, force, cancellationToken);

    /// <summary>
    /// Re-applies an undone action: appends a version with the values its fields had after it, marks it
    /// <see cref="ActionStatus.Completed"/> again and emits <c>{Noun}.redone</c>. Returns the redo action.
    /// </summary>
    /// <exception cref="UndoConflictException">A field changed since the undo; nothing is written unless <paramref name="force"/>.</exception>
    /// <exception cref="InvalidOperationException">The action is not undone.</exception>
    public Task<ActionInfo> Redo(long actionId, bool force = false, CancellationToken cancellationToken = default)
        => Transport.UndoAsync(actionId, undo: false, force, cancellationToken);

    /// <summary>
    /// The object's events with a sequence above <paramref name="after"/>, oldest first, and then each new one as it
    /// commits, until <paramref name="cancellationToken"/> is cancelled. Over HTTP this is a server-sent event stream
    /// that resumes from the last delivered sequence after a dropped connection; in this process the log is polled.
    /// To resume later, pass the <see cref="EventRecord.Sequence"/> of the last event handled.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="after"/> is negative.</exception>
    public IAsyncEnumerable<EventRecord> Events(long after = 0, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(after);
        return Transport is Client.IEventStream stream
            ? stream.StreamAsync(after, cancellationToken)
            : EventPolling.StreamAsync(Transport, after, cancellationToken);
    }

    /// <summary>Events that a handler kept failing on, oldest first (only those not yet replayed, unless <paramref name="includeReplayed"/>).</summary>
    public Task<IReadOnlyList<DeadLetter>> DeadLetters(bool includeReplayed = false, CancellationToken cancellationToken = default)
        => Transport.DeadLettersAsync(includeReplayed, cancellationToken);

    /// <summary>
    /// Runs the handler of dead letter <paramref name="id"/> again on its event. Returns true when it succeeded (the
    /// dead letter is marked replayed), false when it failed again (the error and attempt count are updated).
    /// </summary>
    /// <exception cref="ArgumentException">There is no such dead letter, or its handler is no longer declared.</exception>
    public Task<bool> Replay(long id, CancellationToken cancellationToken = default)
        => Transport.ReplayAsync(id, cancellationToken);

    /// <summary>Creates a branch at the current head (copy-on-write: no rows are copied); records <c>branch.created</c>.</summary>
    /// <exception cref="InvalidBranchNameException">The name breaks git's rules for a single ref component.</exception>
    /// <exception cref="InvalidOperationException">The name is <c>main</c> or already taken, or a read-only view is checked out.</exception>
    public Task<string> Branch(string name, CancellationToken cancellationToken = default) => Transport.BranchAsync(name, cancellationToken);

    /// <summary>
    /// Checks out a branch (<c>experiment</c>, <c>@experiment</c>, <c>main</c>) so later reads and writes go there, or
    /// a read-only view (<c>@v1234</c>, <c>@~1</c>, <c>@2026-11-23T09:00:00Z</c>) where writes fail with
    /// <see cref="DetachedWriteException"/>. Returns what is checked out.
    /// </summary>
    public Task<string> Checkout(string reference, CancellationToken cancellationToken = default) => Transport.CheckoutAsync(reference, cancellationToken);

    /// <summary>
    /// Deletes a branch with its versions and what was recorded on it (actions, their events and dead letters);
    /// records <c>branch.deleted</c>. <see cref="Merge"/> keeps the merged branch, so this is how one is retired:
    /// a branch whose every version was merged is deleted as is; one with unmerged versions needs
    /// <paramref name="force"/>, which discards them. Returns the deleted branch's name.
    /// </summary>
    /// <exception cref="InvalidOperationException">The branch is <c>main</c> or checked out, has branches of its own, has unmerged versions and <paramref name="force"/> is false, or has an action in progress.</exception>
    /// <exception cref="RefNotFoundException">There is no branch with that name.</exception>
    public Task<string> DeleteBranch(string name, bool force = false, CancellationToken cancellationToken = default) => Transport.DeleteBranchAsync(name, force, cancellationToken);

    /// <summary>The object's branches, <c>main</c> first.</summary>
    public Task<IReadOnlyList<string>> Branches(CancellationToken cancellationToken = default) => Transport.BranchesAsync(cancellationToken);

    /// <summary>What is checked out: a branch name, or <c>@v{n}</c> for a read-only view.</summary>
    public Task<string> CheckedOut(CancellationToken cancellationToken = default) => Transport.CheckedOutAsync(cancellationToken);

    /// <summary>
    /// Three-way merge of <paramref name="branch"/> into the checked-out branch, per thing and per top-level field
    /// against the fork point; merged rows are appended; records <c>merge.completed</c>.
    /// </summary>
    /// <exception cref="MergeConflictException">With <see cref="MergeStrategy.None"/>, some field changed on both sides: nothing is written and every conflict is listed (a <c>merge.conflict</c> event goes to handlers in memory).</exception>
    public Task<MergeResult> Merge(string branch, MergeStrategy strategy = MergeStrategy.None, CancellationToken cancellationToken = default) => Transport.MergeAsync(branch, strategy, cancellationToken);

    /// <summary>Creates a new object at <paramref name="to"/> from the current HEAD state (no history), linked both ways; records <c>fork.completed</c>.</summary>
    /// <exception cref="InvalidOperationException">An object already exists at <paramref name="to"/>.</exception>
    public async Task<ObjectClient> Fork(string to, CancellationToken cancellationToken = default)
        => new(await Transport.ForkAsync(ObjectNamespace.Parse(to), cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// Squashes history to HEAD rows (same ids), archiving older actions and events to a JSON-lines file next to the
    /// database, then vacuums; records <c>compact.completed</c>. Refused while other branches exist unless <paramref name="force"/> (which drops them).
    /// </summary>
    public Task<CompactResult> Compact(bool force = false, CancellationToken cancellationToken = default) => Transport.CompactAsync(force, cancellationToken);

    /// <summary>Moves the object's file to a configured colo (<see cref="DoHostOptions.Colos"/>); calls during the move wait, then succeed. Returns the new path.</summary>
    public Task<string> MoveTo(string colo, CancellationToken cancellationToken = default) => Transport.MoveToAsync(colo, cancellationToken);

    /// <summary>The object's persisted schedules with their next and last run times.</summary>
    public Task<IReadOnlyList<ScheduleState>> Schedules(CancellationToken cancellationToken = default)
        => Transport.SchedulesAsync(cancellationToken);

    /// <summary>
    /// Runs an object-level verb by name (the dispatch table the generator registers) on the live object, with its
    /// arguments as a JSON object, and records its action and event.
    /// </summary>
    /// <exception cref="ArgumentException">The object's class declares no verb named <paramref name="verb"/>.</exception>
    public Task InvokeObjectVerb(string verb, string? inputJson = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(verb);
        if (inputJson is not null)
        {
            ThingStore.ValidateJson(inputJson, nameof(inputJson));
        }

        // The object's class (and so its verb table) is known where the object runs; the verb is resolved there.
        return Transport.InvokeAsync(new VerbCall { Verb = new VerbInfo(verb, "", IsAsync: true), InputJson = inputJson }, cancellationToken);
    }

    /// <summary>This object's parent link, or null for a top-level object.</summary>
    public Task<ObjectLink?> Parent(CancellationToken cancellationToken = default)
        => FirstLink(ObjectStore.ParentRole, cancellationToken);

    /// <summary>The top of this object's hierarchy, or null when this object is the top.</summary>
    public Task<ObjectLink?> Root(CancellationToken cancellationToken = default)
        => FirstLink(ObjectStore.RootRole, cancellationToken);

    /// <summary>This object's children.</summary>
    public Task<IReadOnlyList<ObjectLink>> Children(CancellationToken cancellationToken = default)
        => Transport.LinksAsync(ObjectStore.ChildRole, cancellationToken);

    /// <summary>The path of the object's database file (activating the object if needed). In-process only.</summary>
    /// <exception cref="NotSupportedException">The object is not in this process.</exception>
    public Task<string> DatabasePath(CancellationToken cancellationToken = default)
        => Target.RunAsync(a => ValueTask.FromResult(a.Database.Path), cancellationToken);

    private async Task<ObjectLink?> FirstLink(string role, CancellationToken cancellationToken)
        => await Transport.LinksAsync(role, cancellationToken).ConfigureAwait(false) is [var first, ..] ? first : null;

    private static string Article(ObjectKind kind) => kind is ObjectKind.App or ObjectKind.Object or ObjectKind.Entity ? "an" : "a";
}

/// <summary>A handle on a durable object of class <typeparamref name="TObject"/>; the generator adds its object-level verbs.</summary>
/// <typeparam name="TObject">The object class.</typeparam>
public sealed class ObjectClient<TObject> : ObjectClient, IObjectClient<TObject>
    where TObject : DurableObject
{
    /// <summary>A client over <paramref name="transport"/>. Hosts and integrations create clients; user code gets them from a host.</summary>
    public ObjectClient(IObjectTransport transport)
        : base(transport)
    {
    }

    internal ObjectClient(ObjectTarget target)
        : base(target)
    {
    }

    /// <summary>This client acting for <paramref name="actor"/>; see <see cref="ObjectClient.As(string)"/>.</summary>
    public new ObjectClient<TObject> As(string actor) => new(Transport.WithActor(actor));

    /// <summary>
    /// Runs an object-level verb as one turn: applies <paramref name="apply"/> to the live object and records its
    /// action and event (<c>Class.event</c>) in one transaction. Called by generated verb methods. Where the object
    /// lives in another process, <paramref name="apply"/> is not used: the verb runs there, by name.
    /// </summary>
    public Task Invoke(VerbInfo verb, string? inputJson, Func<TObject, Context, ValueTask> apply, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(verb);
        ArgumentNullException.ThrowIfNull(apply);
        return Transport.InvokeAsync(
            new VerbCall
            {
                Verb = verb,
                InputJson = inputJson,
                LocalObject = async (instance, context) =>
                {
                    await apply((TObject)instance, context).ConfigureAwait(false);
                    return null;
                },
            },
            cancellationToken);
    }

    /// <summary>
    /// Runs an object-level verb that returns a value and returns it; see
    /// <see cref="Invoke(VerbInfo, string?, Func{TObject, Context, ValueTask}, CancellationToken)"/> and
    /// <see cref="ThingRef{T}.Invoke{TResult}"/> for how the value is recorded and carried. Called by generated verb methods.
    /// </summary>
    public async Task<TResult> Invoke<TResult>(VerbInfo verb, string? inputJson, Func<TObject, Context, ValueTask<TResult>> apply, Func<TResult, string> writeOutput, Func<string, TResult> readOutput, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(verb);
        ArgumentNullException.ThrowIfNull(apply);
        ArgumentNullException.ThrowIfNull(writeOutput);
        ArgumentNullException.ThrowIfNull(readOutput);
        var output = await Transport.InvokeAsync(
            new VerbCall
            {
                Verb = verb,
                InputJson = inputJson,
                LocalObject = async (instance, context) => writeOutput(await apply((TObject)instance, context).ConfigureAwait(false)),
            },
            cancellationToken).ConfigureAwait(false);
        return output is null ? default! : readOutput(output);
    }
}
