using Do.Infrastructure;
using Orleans;

namespace Do.Orleans;

/// <summary>
/// Reaches a durable object through its grain (<see cref="IDurableObjectGrain"/>), wherever the cluster placed it. Verbs
/// go by name with JSON input; errors come back as the object's own exception types with their messages.
/// </summary>
public sealed partial class OrleansObjectTransport : IObjectTransport
{
    private readonly IGrainFactory _grains;
    private readonly IDurableObjectGrain _grain;
    private readonly string? _objectClass;
    private readonly string? _actor;

    /// <summary>A transport to <paramref name="ns"/> through <paramref name="grains"/>; <paramref name="objectClass"/> is the class the caller expects, or null for an existing object addressed by URL.</summary>
    public OrleansObjectTransport(IGrainFactory grains, ObjectNamespace ns, string? objectClass)
        : this(grains, ns, objectClass, null)
    {
    }

    private OrleansObjectTransport(IGrainFactory grains, ObjectNamespace ns, string? objectClass, string? actor)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(ns);
        _grains = grains;
        Namespace = ns;
        _objectClass = objectClass;
        _actor = actor;
        _grain = grains.GetGrain<IDurableObjectGrain>(ns.Value);
    }

    /// <inheritdoc />
    public ObjectNamespace Namespace { get; }

    /// <inheritdoc />
    public IObjectTransport For(ObjectNamespace other) => other == Namespace ? this : new OrleansObjectTransport(_grains, other, null, _actor);

    /// <summary>This transport acting for <paramref name="actor"/>: every grain call carries it, and the object records it on the actions the call causes.</summary>
    /// <exception cref="ArgumentException">The actor is empty.</exception>
    public IObjectTransport WithActor(string actor)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        return new OrleansObjectTransport(_grains, Namespace, _objectClass, actor);
    }

    /// <inheritdoc />
    public Task<string?> InvokeAsync(VerbCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var data = new VerbCallData { Noun = call.Noun?.Name, Id = call.Id, Verb = call.Verb.Name, InputJson = call.InputJson, Durability = (int)call.Durability, Queued = call.Queued };
        return Call(() => _grain.Invoke(_objectClass, data), cancellationToken);
    }

    /// <inheritdoc />
    public Task<string?> FindAsync(NounInfo noun, Ref reference, CancellationToken cancellationToken)
        => Call(() => _grain.Find(_objectClass, NameOf(noun), reference.ToString()), cancellationToken);

    /// <inheritdoc />
    public Task<string> GetAsync(NounInfo noun, Ref reference, CancellationToken cancellationToken)
        => Call(() => _grain.Get(_objectClass, NameOf(noun), reference.ToString()), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListAsync(NounInfo noun, CancellationToken cancellationToken)
        => Call(() => _grain.List(_objectClass, NameOf(noun)), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ThingVersionData>> HistoryAsync(NounInfo noun, string id, CancellationToken cancellationToken)
        => Call(() => _grain.History(_objectClass, NameOf(noun), id), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<FieldChange>> DiffAsync(NounInfo noun, string refA, string refB, CancellationToken cancellationToken)
        => Call(() => _grain.Diff(_objectClass, NameOf(noun), refA, refB), cancellationToken);

    /// <inheritdoc />
    public Task WriteAsync(NounInfo noun, string id, ThingWrite write, string? json, CancellationToken cancellationToken)
        => Call(() => _grain.Write(_objectClass, NameOf(noun), id, (int)write, json), cancellationToken);

    /// <inheritdoc />
    public Task<string> BranchAsync(string name, CancellationToken cancellationToken) => Call(() => _grain.Branch(_objectClass, name), cancellationToken);

    /// <inheritdoc />
    public Task<string> CheckoutAsync(string reference, CancellationToken cancellationToken) => Call(() => _grain.Checkout(_objectClass, reference), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> BranchesAsync(CancellationToken cancellationToken) => Call(() => _grain.Branches(_objectClass), cancellationToken);

    /// <inheritdoc />
    public Task<string> CheckedOutAsync(CancellationToken cancellationToken) => Call(() => _grain.CheckedOut(_objectClass), cancellationToken);

    /// <inheritdoc />
    public Task<MergeResult> MergeAsync(string branch, MergeStrategy strategy, CancellationToken cancellationToken)
        => Call(() => _grain.Merge(_objectClass, branch, (int)strategy), cancellationToken);

    /// <inheritdoc />
    public async Task<IObjectTransport> ForkAsync(ObjectNamespace to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(to);
        var created = await Call(() => _grain.Fork(_objectClass, to.Value), cancellationToken).ConfigureAwait(false);
        return new OrleansObjectTransport(_grains, ObjectNamespace.Parse(created), _objectClass, _actor);
    }

    /// <inheritdoc />
    public Task<CompactResult> CompactAsync(bool force, CancellationToken cancellationToken) => Call(() => _grain.Compact(_objectClass, force), cancellationToken);

    /// <summary>Moves the object: to a colo (<see cref="DoHostOptions.Colos"/>, its file moves) or to a silo by name (the grain migrates there with its identity). Returns where it now lives.</summary>
    public Task<string> MoveToAsync(string colo, CancellationToken cancellationToken) => Call(() => _grain.MoveTo(_objectClass, colo), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<EventRecord>> EventsAsync(long after, int limit, CancellationToken cancellationToken) => Call(() => _grain.Events(_objectClass, after, limit), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<DeadLetter>> DeadLettersAsync(bool includeReplayed, CancellationToken cancellationToken) => Call(() => _grain.DeadLetters(_objectClass, includeReplayed), cancellationToken);

    /// <inheritdoc />
    public Task<bool> ReplayAsync(long deadLetterId, CancellationToken cancellationToken) => Call(() => _grain.Replay(_objectClass, deadLetterId), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ScheduleState>> SchedulesAsync(CancellationToken cancellationToken) => Call(() => _grain.Schedules(_objectClass), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ObjectLink>> LinksAsync(string role, CancellationToken cancellationToken) => Call(() => _grain.Links(_objectClass, role), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ActionInfo>> ActionsAsync(ActionFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        filter.Validate();
        return Call(() => _grain.Actions(_objectClass, filter), cancellationToken);
    }

    /// <inheritdoc />
    public Task<ActionInfo?> ActionAsync(long actionId, CancellationToken cancellationToken) => Call(() => _grain.Action(_objectClass, actionId), cancellationToken);

    /// <inheritdoc />
    public Task<ActionInfo> UndoAsync(long actionId, bool undo, bool force, CancellationToken cancellationToken) => Call(() => _grain.Undo(_objectClass, actionId, undo, force), cancellationToken);

    /// <inheritdoc />
    public Task<string> DeleteBranchAsync(string name, bool force, CancellationToken cancellationToken) => Call(() => _grain.DeleteBranch(_objectClass, name, force), cancellationToken);

    /// <inheritdoc />
    public Task<bool> RelateAsync(RelationEdge edge, RelationSides sides, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(edge);
        return Call(() => _grain.Relate(_objectClass, edge, (int)sides), cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> UnrelateAsync(RelationEdge edge, RelationSides sides, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(edge);
        return Call(() => _grain.Unrelate(_objectClass, edge, (int)sides), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<RelationEdge>> RelatedAsync(NounInfo noun, Ref reference, string? type, RelationDirection direction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return Call(() => _grain.Related(_objectClass, NameOf(noun), reference.ToString(), type, (int)direction), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<SearchDocument>> SearchAsync(NounInfo noun, string query, SearchMode mode, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Call(() => _grain.Search(_objectClass, NameOf(noun), query, (int)mode, limit), cancellationToken);
    }

    // Every grain call goes through here so that it carries this transport's actor (see ActorContext).
    private Task<T> Call<T>(Func<Task<T>> call, CancellationToken cancellationToken)
        => ActorContext.Run(_actor, call).WaitAsync(cancellationToken);

    private Task<bool> Call(Func<Task> call, CancellationToken cancellationToken)
        => ActorContext.Run(_actor, async () =>
        {
            await call().ConfigureAwait(false);
            return true;
        }).WaitAsync(cancellationToken);

    private static string NameOf(NounInfo noun)
    {
        ArgumentNullException.ThrowIfNull(noun);
        return noun.Name;
    }
}
