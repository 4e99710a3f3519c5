using Do.Execution;
using Do.Hosting;
using Do.Lifecycle;
using Do.Storage;

namespace Do;

/// <summary>
/// A handle on one durable object from outside it (<c>host.Object&lt;Studio&gt;("https://startups.studio")</c>).
/// It is cheap: it holds no connection, and every call activates the object if needed and runs as one of its turns.
/// </summary>
public class ObjectClient : IObjectScope
{
    internal ObjectClient(ObjectTarget target) => Target = target;

    /// <inheritdoc />
    public ObjectNamespace Namespace => Target.Namespace;

    /// <summary>The object's namespace URL as text.</summary>
    public string Ns => Target.Namespace.Value;

    internal ObjectTarget Target { get; }

    /// <inheritdoc />
    public ThingCollection<T> Collection<T>()
        where T : class, INoun<T>
        => new(Target);

    /// <inheritdoc />
    public ThingRef<T> Ref<T>(string reference)
        where T : class, INoun<T>
        => new(Target, Do.Ref.Parse(reference));

    /// <summary>Runs <paramref name="work"/> as one turn of the object, with its <see cref="Context"/> (and so its stores).</summary>
    public Task<TResult> Run<TResult>(Func<Context, TResult> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        return Target.RunAsync(activation => ValueTask.FromResult(work(activation.Context)), cancellationToken);
    }

    /// <summary>Runs asynchronous <paramref name="work"/> as one turn of the object.</summary>
    public Task<TResult> Run<TResult>(Func<Context, Task<TResult>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        return Target.RunAsync(async activation => await work(activation.Context).ConfigureAwait(false), cancellationToken);
    }

    /// <summary>
    /// Makes <paramref name="child"/> a child of this object: the parent records a <c>child</c> link, the child a
    /// <c>parent</c> and a <c>root</c> link. A <see cref="Do.App"/>'s parent must be a <see cref="Do.Business"/>,
    /// a <see cref="Do.Site"/>'s an <see cref="Do.App"/>.
    /// </summary>
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
    /// <exception cref="ThingNotFoundException">The thing does not exist or is deleted.</exception>
    public Task InvokeVerb(string noun, string id, string verb, string? inputJson = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(noun);
        ArgumentNullException.ThrowIfNull(verb);
        Storage.ThingStore.ValidateId(id);
        var info = DoRegistry.FindNoun(noun) ?? throw new ArgumentException($"\"{noun}\" is not a registered noun. Registered: {string.Join(", ", DoRegistry.Nouns.Select(n => n.Name).Order())}.", nameof(noun));
        var verbInfo = info.FindVerb(verb) ?? throw new ArgumentException($"{noun} has no verb \"{verb}\". Its verbs: {(info.Verbs.Count == 0 ? "none" : string.Join(", ", info.Verbs.Select(v => v.Name)))}.", nameof(verb));
        var dispatch = DoRegistry.FindDispatcher(noun) ?? throw new ArgumentException($"{noun} has no registered verb dispatcher.", nameof(noun));
        if (inputJson is not null)
        {
            Storage.ThingStore.ValidateJson(inputJson, nameof(inputJson));
        }

        return Target.RunAsync(
            async activation =>
            {
                await VerbExecution.RunAsync(activation, info, id, verbInfo, inputJson, Durability.Do, (json, ctx) => dispatch(json, verbInfo.Name, inputJson, ctx), null, cancellationToken).ConfigureAwait(false);
                return true;
            },
            cancellationToken);
    }

    /// <summary>Events that a handler kept failing on, oldest first (only those not yet replayed, unless <paramref name="includeReplayed"/>).</summary>
    public Task<IReadOnlyList<DeadLetter>> DeadLetters(bool includeReplayed = false, CancellationToken cancellationToken = default)
        => Target.RunAsync(a => ValueTask.FromResult(a.DeadLetters.List(includeReplayed)), cancellationToken);

    /// <summary>
    /// Runs the handler of dead letter <paramref name="id"/> again on its event. Returns true when it succeeded (the
    /// dead letter is marked replayed), false when it failed again (the error and attempt count are updated).
    /// </summary>
    /// <exception cref="ArgumentException">There is no such dead letter, or its handler is no longer declared.</exception>
    public Task<bool> Replay(long id, CancellationToken cancellationToken = default)
        => Target.RunAsync(a => new ValueTask<bool>(a.ReplayAsync(id)), cancellationToken);

    /// <summary>Creates a branch at the current head (copy-on-write: no rows are copied); records <c>branch.created</c>.</summary>
    /// <exception cref="InvalidBranchNameException">The name breaks git's rules for a single ref component.</exception>
    /// <exception cref="InvalidOperationException">The name is <c>main</c> or already taken, or a read-only view is checked out.</exception>
    public Task<string> Branch(string name, CancellationToken cancellationToken = default) => ObjectLifecycle.Branch(Target, name, cancellationToken);

    /// <summary>
    /// Checks out a branch (<c>experiment</c>, <c>@experiment</c>, <c>main</c>) so later reads and writes go there, or
    /// a read-only view (<c>@v1234</c>, <c>@~1</c>, <c>@2026-11-23T09:00:00Z</c>) where writes fail with
    /// <see cref="DetachedWriteException"/>. Returns what is checked out.
    /// </summary>
    public Task<string> Checkout(string reference, CancellationToken cancellationToken = default) => ObjectLifecycle.Checkout(Target, reference, cancellationToken);

    /// <summary>
    /// Deletes a branch with its versions and what was recorded on it (actions, their events and dead letters);
    /// records <c>branch.deleted</c>. <see cref="Merge"/> keeps the merged branch, so this is how one is retired:
    /// a branch whose every version was merged is deleted as is; one with unmerged versions needs
    /// <paramref name="force"/>, which discards them. Returns the deleted branch's name.
    /// </summary>
    /// <exception cref="InvalidOperationException">The branch is <c>main</c> or checked out, has branches of its own, has unmerged versions and <paramref name="force"/> is false, or has an action in progress.</exception>
    /// <exception cref="RefNotFoundException">There is no branch with that name.</exception>
    public Task<string> DeleteBranch(string name, bool force = false, CancellationToken cancellationToken = default) => ObjectLifecycle.DeleteBranch(Target, name, force, cancellationToken);

    /// <summary>The object's branches, <c>main</c> first.</summary>
    public Task<IReadOnlyList<string>> Branches(CancellationToken cancellationToken = default) => ObjectLifecycle.Branches(Target, cancellationToken);

    /// <summary>What is checked out: a branch name, or <c>@v{n}</c> for a read-only view.</summary>
    public Task<string> CheckedOut(CancellationToken cancellationToken = default) => ObjectLifecycle.CheckedOut(Target, cancellationToken);

    /// <summary>
    /// Three-way merge of <paramref name="branch"/> into the checked-out branch, per thing and per top-level field
    /// against the fork point; merged rows are appended; records <c>merge.completed</c>.
    /// </summary>
    /// <exception cref="MergeConflictException">With <see cref="MergeStrategy.None"/>, some field changed on both sides: nothing is written and every conflict is listed (a <c>merge.conflict</c> event goes to handlers in memory).</exception>
    public Task<MergeResult> Merge(string branch, MergeStrategy strategy = MergeStrategy.None, CancellationToken cancellationToken = default) => ObjectLifecycle.Merge(Target, branch, strategy, cancellationToken);

    /// <summary>Creates a new object at <paramref name="to"/> from the current HEAD state (no history), linked both ways; records <c>fork.completed</c>.</summary>
    /// <exception cref="InvalidOperationException">An object already exists at <paramref name="to"/>.</exception>
    public Task<ObjectClient> Fork(string to, CancellationToken cancellationToken = default) => ObjectLifecycle.Fork(Target, to, cancellationToken);

    /// <summary>
    /// Squashes history to HEAD rows (same ids), archiving older actions and events to a JSON-lines file next to the
    /// database, then vacuums; records <c>compact.completed</c>. Refused while other branches exist unless <paramref name="force"/> (which drops them).
    /// </summary>
    public Task<CompactResult> Compact(bool force = false, CancellationToken cancellationToken = default) => ObjectLifecycle.Compact(Target, force, cancellationToken);

    /// <summary>Moves the object's file to a configured colo (<see cref="DoHostOptions.Colos"/>); calls during the move wait, then succeed. Returns the new path.</summary>
    public Task<string> MoveTo(string colo, CancellationToken cancellationToken = default) => ObjectLifecycle.MoveTo(Target, colo, cancellationToken);

    /// <summary>The object's persisted schedules with their next and last run times.</summary>
    public Task<IReadOnlyList<ScheduleState>> Schedules(CancellationToken cancellationToken = default)
        => Target.RunAsync(a => ValueTask.FromResult(Scheduling.SchedulePersistence.List(a.Database)), cancellationToken);

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
            Storage.ThingStore.ValidateJson(inputJson, nameof(inputJson));
        }

        return Target.RunAsync(async activation =>
        {
            var info = activation.ClassInfo;
            var verbInfo = info.Verbs.FirstOrDefault(v => string.Equals(v.Name, verb, StringComparison.Ordinal));
            if (verbInfo is null || info.Dispatch is null)
            {
                throw new ArgumentException($"{info.Name} has no verb \"{verb}\". Its verbs: {(info.Verbs.Count == 0 ? "none" : string.Join(", ", info.Verbs.Select(v => v.Name)))}.", nameof(verb));
            }

            await info.Dispatch(activation.Instance, verbInfo.Name, inputJson, activation.Context).ConfigureAwait(false);
            activation.Database.RecordObjectVerb(info.Name, verbInfo, inputJson);
            return true;
        }, cancellationToken);
    }

    /// <summary>This object's parent link, or null for a top-level object.</summary>
    public Task<ObjectLink?> Parent(CancellationToken cancellationToken = default)
        => Target.RunAsync(a => ValueTask.FromResult(a.Database.Objects.Parent()), cancellationToken);

    /// <summary>The top of this object's hierarchy, or null when this object is the top.</summary>
    public Task<ObjectLink?> Root(CancellationToken cancellationToken = default)
        => Target.RunAsync(a => ValueTask.FromResult(a.Database.Objects.Root()), cancellationToken);

    /// <summary>This object's children.</summary>
    public Task<IReadOnlyList<ObjectLink>> Children(CancellationToken cancellationToken = default)
        => Target.RunAsync(a => ValueTask.FromResult(a.Database.Objects.Children()), cancellationToken);

    /// <summary>The path of the object's database file (activating the object if needed).</summary>
    public Task<string> DatabasePath(CancellationToken cancellationToken = default)
        => Target.RunAsync(a => ValueTask.FromResult(a.Database.Path), cancellationToken);

    private static string Article(ObjectKind kind) => kind is ObjectKind.App or ObjectKind.Object or ObjectKind.Entity ? "an" : "a";
}

/// <summary>A handle on a durable object of class <typeparamref name="TObject"/>; the generator adds its object-level verbs.</summary>
/// <typeparam name="TObject">The object class.</typeparam>
public sealed class ObjectClient<TObject> : ObjectClient
    where TObject : DurableObject
{
    internal ObjectClient(ObjectTarget target)
        : base(target)
    {
    }

    /// <summary>
    /// Runs an object-level verb as one turn: applies <paramref name="apply"/> to the live object and records its
    /// action and event (<c>Class.event</c>) in one transaction. Called by generated verb methods.
    /// </summary>
    public Task Invoke(VerbInfo verb, string? inputJson, Func<TObject, Context, ValueTask> apply, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(verb);
        ArgumentNullException.ThrowIfNull(apply);
        return Target.RunAsync(async activation =>
        {
            await apply((TObject)activation.Instance, activation.Context).ConfigureAwait(false);
            activation.Database.RecordObjectVerb(activation.ClassInfo.Name, verb, inputJson);
            return true;
        }, cancellationToken);
    }
}
