using Do.Execution;
using Do.Hosting;
using Do.Lifecycle;
using Do.Scheduling;
using Do.Storage;

namespace Do.Transport;

/// <summary>
/// The embedded host's transport: every call runs as a turn of the object in this process. Verbs use the generated
/// code's direct application when the call carries one, and the registered by-name dispatch table otherwise.
/// </summary>
internal sealed partial class InProcessTransport(ObjectTarget target, string? actor = null) : IObjectTransport
{
    public ObjectTarget Target { get; } = target;

    /// <summary>The actor set with <see cref="WithActor"/>; null to use the calling flow's (see <see cref="ActorScope"/>).</summary>
    public string? Actor { get; } = actor;

    public ObjectNamespace Namespace => Target.Namespace;

    public IObjectTransport For(ObjectNamespace other)
        => other == Target.Namespace ? this
            : Target.Host.Options.Integration?.Route is { } route ? route(other, null)
            : new InProcessTransport(Target.Retarget(other), Actor);

    public IObjectTransport WithActor(string actor)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        return new InProcessTransport(Target, actor);
    }

    public Task<string?> InvokeAsync(VerbCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        return call.Noun is null ? InvokeObjectVerbAsync(call, cancellationToken) : InvokeThingVerbAsync(call, call.Noun, cancellationToken);
    }

    private Task<string?> InvokeThingVerbAsync(VerbCall call, NounInfo noun, CancellationToken cancellationToken)
    {
        var id = call.Id ?? throw new ArgumentException($"{noun.Name}.{call.Verb.Name} needs the id of the thing it runs on.", nameof(call));
        var verb = call.Verb;
        var apply = call.LocalThing ?? ByName(noun, verb, call.InputJson);
        var durability = call.Durability;
        var actor = ActorScope.Resolve(Actor);
        if (call.Queued)
        {
            return QueueAsync(noun, id, verb, call.InputJson, actor, cancellationToken);
        }

        if (durability == Durability.Send)
        {
            // Fire-and-forget, not awaited; failures are logged by the host. It runs in a turn of its own: sent from inside
            // this object's turn, it waits for that turn to end instead of running beside it.
            Target.Host.RunDetached(
                () => Target.RunAsync(
                    async activation =>
                    {
                        Enter(activation, actor);
                        await VerbExecution.RunAsync(activation, noun, id, verb, call.InputJson, durability, apply, null, CancellationToken.None).ConfigureAwait(false);
                        return true;
                    },
                    CancellationToken.None),
                $"{noun.Name}.{verb.Name} sent to \"{id}\"");
            return Task.FromResult<string?>(null);
        }

        if (!verb.IsAsync)
        {
            // A pure state transition: eligible for group commit with other callers of this object.
            return RunGroupedAsync(noun, id, verb, call.InputJson, durability, apply, actor, cancellationToken);
        }

        return ActionWaiters.Follow(
            Target.RunAsync(
                async activation =>
                {
                    Enter(activation, actor);
                    return await VerbExecution.RunAsync(activation, noun, id, verb, call.InputJson, durability, apply, null, cancellationToken).ConfigureAwait(false);
                },
                cancellationToken),
            cancellationToken);
    }

    private Task<string?> InvokeObjectVerbAsync(VerbCall call, CancellationToken cancellationToken)
    {
        var actor = ActorScope.Resolve(Actor);
        return Target.RunAsync<string?>(
            async activation =>
            {
                Enter(activation, actor);
                var info = activation.ClassInfo;
                var verb = call.Verb;
                string? output;
                if (call.LocalObject is { } local)
                {
                    output = await local(activation.Instance, activation.Context).ConfigureAwait(false);
                }
                else
                {
                    verb = info.Verbs.FirstOrDefault(v => string.Equals(v.Name, call.Verb.Name, StringComparison.Ordinal))
                        ?? throw new ArgumentException($"{info.Name} has no verb \"{call.Verb.Name}\". Its verbs: {(info.Verbs.Count == 0 ? "none" : string.Join(", ", info.Verbs.Select(v => v.Name)))}.", nameof(call));
                    var dispatch = info.Dispatch ?? throw new ArgumentException($"{info.Name} has no verb dispatcher.", nameof(call));
                    output = await dispatch(activation.Instance, verb.Name, call.InputJson, activation.Context).ConfigureAwait(false);
                }

                activation.Database.RecordObjectVerb(info.Name, verb, call.InputJson, output);
                return output;
            },
            cancellationToken);
    }

    /// <summary>Sets the actor and a fresh emit buffer for the verb about to run in this turn.</summary>
    private static void Enter(ObjectActivation activation, string actor)
    {
        ActorScope.Enter(actor);
        EmitBuffer.Begin(activation);
    }

    private static VerbExecution.Apply ByName(NounInfo noun, VerbInfo verb, string? inputJson)
    {
        var dispatch = DoRegistry.FindDispatcher(noun) ?? throw new ArgumentException($"{noun.Name} has no registered verb dispatcher.", nameof(noun));
        return (json, ctx) => dispatch(json, verb.Name, inputJson, ctx);
    }

    private async Task<string?> RunGroupedAsync(NounInfo noun, string id, VerbInfo verb, string? inputJson, Durability durability, VerbExecution.Apply apply, string actor, CancellationToken cancellationToken)
    {
        string? output = null;
        await Target.Host.RunGroupedAsync(
            Target,
            async activation =>
            {
                Enter(activation, actor); // the group's turn runs in the drainer's flow, not the caller's
                output = await VerbExecution.RunAsync(activation, noun, id, verb, inputJson, durability, apply, null, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
        return output;
    }

    public Task<string?> FindAsync(NounInfo noun, Ref reference, CancellationToken cancellationToken)
        => Target.RunAsync(activation =>
        {
            var row = activation.Database.Things.Get(activation.EnsureNoun(noun), reference);
            return ValueTask.FromResult(row is null || row.Deleted ? null : row.Data);
        }, cancellationToken);

    public Task<string> GetAsync(NounInfo noun, Ref reference, CancellationToken cancellationToken)
        => Target.RunAsync(activation =>
        {
            var name = activation.EnsureNoun(noun);
            var row = activation.Database.Things.Get(name, reference);
            if (row is { Deleted: false, Data: { } json })
            {
                return ValueTask.FromResult(json);
            }

            // The miss is explained from the same turn's view of the log, so the reason matches what the read saw.
            var history = activation.Database.Things.History(name, reference.Id);
            string reason = history.Count == 0
                ? $"there is no {noun.Name} with id \"{reference.Id}\" in {Namespace}"
                : reference.Kind == RefKind.Head && history[0].Thing.Deleted
                    ? $"it was deleted at v{history[0].Thing.Version}; read \"{reference.Id}@~1\" for the version before"
                    : $"\"{reference.Id}\" has {history.Count} version(s) (newest v{history[0].Thing.Version}, oldest v{history[^1].Thing.Version})";
            throw new ThingNotFoundException(noun.Name, reference.ToString(), reason);
        }, cancellationToken);

    public Task<IReadOnlyList<string>> ListAsync(NounInfo noun, CancellationToken cancellationToken)
        => Target.RunAsync(activation =>
        {
            var rows = activation.Database.Things.List(activation.EnsureNoun(noun));
            var result = new List<string>(rows.Count);
            foreach (var row in rows)
            {
                result.Add(row.Data!);
            }

            return ValueTask.FromResult<IReadOnlyList<string>>(result);
        }, cancellationToken);

    public Task<IReadOnlyList<ThingVersionData>> HistoryAsync(NounInfo noun, string id, CancellationToken cancellationToken)
        => Target.RunAsync(activation =>
        {
            var rows = activation.Database.Things.History(activation.EnsureNoun(noun), id);
            var result = new List<ThingVersionData>(rows.Count);
            foreach (var entry in rows)
            {
                result.Add(new ThingVersionData(entry.Thing.Version, entry.Thing.Data, entry.Thing.Deleted, entry.Verb, entry.At));
            }

            return ValueTask.FromResult<IReadOnlyList<ThingVersionData>>(result);
        }, cancellationToken);

    public Task<IReadOnlyList<FieldChange>> DiffAsync(NounInfo noun, string refA, string refB, CancellationToken cancellationToken)
        => Target.RunAsync(a => ValueTask.FromResult(a.Database.Lifecycle.Diff(a.EnsureNoun(noun), refA, refB)), cancellationToken);

    public Task WriteAsync(NounInfo noun, string id, ThingWrite write, string? json, CancellationToken cancellationToken)
    {
        ThingStore.ValidateId(id);
        if (write != ThingWrite.Delete)
        {
            ArgumentNullException.ThrowIfNull(json);
        }

        var options = new WriteOptions { Actor = ActorScope.Resolve(Actor) };
        return RunGroupedAsync(
            activation =>
            {
                var things = activation.Database.Things;
                var name = activation.EnsureNoun(noun);
                return write switch
                {
                    ThingWrite.Create => things.CreateCore(name, id, json!, options),
                    ThingWrite.Update => things.UpdateCore(name, id, json!, options),
                    ThingWrite.Delete => things.Delete(name, id, options),
                    _ => throw new ArgumentOutOfRangeException(nameof(write), write, "Expected Create, Update or Delete."),
                };
            },
            cancellationToken);
    }

    /// <summary>
    /// Runs a write that is one state transition (a create, update or delete; relating or unrelating two things) as a
    /// member of the object's next group commit, like a sync verb: callers of the same object share one COMMIT (one sync
    /// under FULL) instead of committing one by one, and a member that fails takes nothing of the others with it.
    /// </summary>
    private async Task<T> RunGroupedAsync<T>(Func<ObjectActivation, T> write, CancellationToken cancellationToken)
    {
        T result = default!;
        await Target.Host.RunGroupedAsync(
            Target,
            activation =>
            {
                // What was emitted before it (by a member before it in the group, or by the verb whose turn it runs in)
                // is not this write's.
                EmitBuffer.Begin(activation);
                result = write(activation);
                return ValueTask.CompletedTask;
            },
            cancellationToken).ConfigureAwait(false);
        return result;
    }

    public Task<string> BranchAsync(string name, CancellationToken cancellationToken) => ObjectLifecycle.Branch(Target, name, cancellationToken);

    public Task<string> CheckoutAsync(string reference, CancellationToken cancellationToken) => ObjectLifecycle.Checkout(Target, reference, cancellationToken);

    public Task<string> DeleteBranchAsync(string name, bool force, CancellationToken cancellationToken) => ObjectLifecycle.DeleteBranch(Target, name, force, cancellationToken);

    public Task<IReadOnlyList<string>> BranchesAsync(CancellationToken cancellationToken) => ObjectLifecycle.Branches(Target, cancellationToken);

    public Task<string> CheckedOutAsync(CancellationToken cancellationToken) => ObjectLifecycle.CheckedOut(Target, cancellationToken);

    public Task<MergeResult> MergeAsync(string branch, MergeStrategy strategy, CancellationToken cancellationToken) => ObjectLifecycle.Merge(Target, branch, strategy, cancellationToken);

    public async Task<IObjectTransport> ForkAsync(ObjectNamespace to, CancellationToken cancellationToken)
        => new InProcessTransport(await ObjectLifecycle.Fork(Target, to, cancellationToken).ConfigureAwait(false));

    public Task<CompactResult> CompactAsync(bool force, CancellationToken cancellationToken) => ObjectLifecycle.Compact(Target, force, cancellationToken);

    public Task<string> MoveToAsync(string colo, CancellationToken cancellationToken) => ObjectLifecycle.MoveTo(Target, colo, cancellationToken);

    public Task<IReadOnlyList<EventRecord>> EventsAsync(long after, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(after);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return Target.RunAsync(a => ValueTask.FromResult(a.Database.Events.List(after, limit)), cancellationToken);
    }

    public Task<IReadOnlyList<DeadLetter>> DeadLettersAsync(bool includeReplayed, CancellationToken cancellationToken)
        => Target.RunAsync(a => ValueTask.FromResult(a.DeadLetters.List(includeReplayed)), cancellationToken);

    public Task<bool> ReplayAsync(long deadLetterId, CancellationToken cancellationToken)
        => Target.RunAsync(a => new ValueTask<bool>(a.ReplayAsync(deadLetterId)), cancellationToken);

    public Task<IReadOnlyList<ScheduleState>> SchedulesAsync(CancellationToken cancellationToken)
        => Target.RunAsync(a => ValueTask.FromResult(SchedulePersistence.List(a.Database)), cancellationToken);

    public Task<IReadOnlyList<ActionInfo>> ActionsAsync(ActionFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        filter.Validate();
        return Target.RunAsync(a => ValueTask.FromResult(ActionQueries.List(a.Database, filter)), cancellationToken);
    }

    public Task<ActionInfo?> ActionAsync(long actionId, CancellationToken cancellationToken)
        => Target.RunAsync(a => ValueTask.FromResult(ActionQueries.Get(a.Database, actionId)), cancellationToken);

    public Task<ActionInfo> UndoAsync(long actionId, bool undo, bool force, CancellationToken cancellationToken)
    {
        var actor = ActorScope.Resolve(Actor);
        return Target.RunAsync(
            a => ValueTask.FromResult(undo ? UndoOperations.Undo(a.Database, actionId, force, actor) : UndoOperations.Redo(a.Database, actionId, force, actor)),
            cancellationToken);
    }

    public Task<IReadOnlyList<ObjectLink>> LinksAsync(string role, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(role);
        return Target.RunAsync(a => ValueTask.FromResult(a.Database.Objects.Links(role)), cancellationToken);
    }
}
