using Do.Hosting;
using Do.Infrastructure;
using Orleans;
using Orleans.Concurrency;
using Orleans.Runtime;

namespace Do.Orleans;

/// <summary>
/// One durable object on the cluster. Its activation holds the object's fence; every call runs as a turn of the
/// object in the silo's embedded runtime, by name (no delegate crosses a silo). The grain is reentrant so that the
/// runtime's own mailbox orders turns: concurrent calls share group commits, and a call chain that comes back
/// (A → B → A) re-enters the waiting turn (see <see cref="CallChainContext"/>). Deactivation closes the file and
/// releases the fence, so a migration or a new activation elsewhere opens it next.
/// </summary>
[Reentrant]
internal sealed partial class DurableObjectGrain(DurableObjectsSilo silo) : Grain, IDurableObjectGrain
{
    private ObjectNamespace _ns = null!;
    private IDisposable? _fence;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _ns = ObjectNamespace.Parse(this.GetPrimaryKeyString());
        _fence = await silo.HoldAsync(_ns, cancellationToken);
        await OnPlacedAsync(cancellationToken);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        try
        {
            await silo.CloseAsync(_ns, CancellationToken.None);
        }
        finally
        {
            _fence?.Dispose();
            _fence = null;
        }
    }

    public Task<string?> Invoke(string? objectClass, VerbCallData call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var verbCall = ToVerbCall(call);
        return Run(objectClass, t => t.InvokeAsync(verbCall, CancellationToken.None));
    }

    public Task<string?> Find(string? objectClass, string noun, string reference)
        => Run(objectClass, t => t.FindAsync(NounOf(noun), Ref.Parse(reference), CancellationToken.None));

    public Task<string> Get(string? objectClass, string noun, string reference)
        => Run(objectClass, t => t.GetAsync(NounOf(noun), Ref.Parse(reference), CancellationToken.None));

    public Task<IReadOnlyList<string>> List(string? objectClass, string noun)
        => Run(objectClass, t => t.ListAsync(NounOf(noun), CancellationToken.None));

    public Task<IReadOnlyList<ThingVersionData>> History(string? objectClass, string noun, string id)
        => Run(objectClass, t => t.HistoryAsync(NounOf(noun), id, CancellationToken.None));

    public Task<IReadOnlyList<FieldChange>> Diff(string? objectClass, string noun, string refA, string refB)
        => Run(objectClass, t => t.DiffAsync(NounOf(noun), refA, refB, CancellationToken.None));

    public Task Write(string? objectClass, string noun, string id, int write, string? json)
    {
        if (!Enum.IsDefined((ThingWrite)write))
        {
            throw new ArgumentOutOfRangeException(nameof(write), write, "Expected 0 (Create), 1 (Update) or 2 (Delete).");
        }

        return Run(objectClass, async t =>
        {
            await t.WriteAsync(NounOf(noun), id, (ThingWrite)write, json, CancellationToken.None);
            return true;
        });
    }

    public Task<string> Branch(string? objectClass, string name) => Run(objectClass, t => t.BranchAsync(name, CancellationToken.None));

    public Task<string> Checkout(string? objectClass, string reference) => Run(objectClass, t => t.CheckoutAsync(reference, CancellationToken.None));

    public Task<IReadOnlyList<string>> Branches(string? objectClass) => Run(objectClass, t => t.BranchesAsync(CancellationToken.None));

    public Task<string> CheckedOut(string? objectClass) => Run(objectClass, t => t.CheckedOutAsync(CancellationToken.None));

    public Task<MergeResult> Merge(string? objectClass, string branch, int strategy)
    {
        if (!Enum.IsDefined((MergeStrategy)strategy))
        {
            throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "Expected 0 (None), 1 (Ours) or 2 (Theirs).");
        }

        return Run(objectClass, t => t.MergeAsync(branch, (MergeStrategy)strategy, CancellationToken.None));
    }

    public Task<string> Fork(string? objectClass, string to)
        => Run(objectClass, async t => (await t.ForkAsync(ObjectNamespace.Parse(to), CancellationToken.None)).Namespace.Value);

    public Task<CompactResult> Compact(string? objectClass, bool force) => Run(objectClass, t => t.CompactAsync(force, CancellationToken.None));

    public async Task<string> MoveTo(string? objectClass, string where)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(where);
        if (where == DoHostOptions.DefaultColo || silo.Host.Options.Colos.ContainsKey(where))
        {
            return await Run(objectClass, t => t.MoveToAsync(where, CancellationToken.None));
        }

        var target = SiloNamed(where);
        if (target.Equals(silo.SiloAddress))
        {
            return silo.SiloName;
        }

        // Orleans migrates the grain once this call returns: deactivation here closes the file and releases the fence,
        // the activation there takes them, and calls that arrive meanwhile wait for it.
        RequestContext.Set(global::Orleans.Runtime.Placement.IPlacementDirector.PlacementHintKey, target);
        this.MigrateOnIdle();
        return where;
    }

    public Task<IReadOnlyList<EventRecord>> Events(string? objectClass, long after, int limit) => Run(objectClass, t => t.EventsAsync(after, limit, CancellationToken.None));

    public Task<IReadOnlyList<DeadLetter>> DeadLetters(string? objectClass, bool includeReplayed) => Run(objectClass, t => t.DeadLettersAsync(includeReplayed, CancellationToken.None));

    public Task<bool> Replay(string? objectClass, long deadLetterId) => Run(objectClass, t => t.ReplayAsync(deadLetterId, CancellationToken.None));

    public Task<IReadOnlyList<ScheduleState>> Schedules(string? objectClass) => Run(objectClass, t => t.SchedulesAsync(CancellationToken.None));

    public Task<IReadOnlyList<ObjectLink>> Links(string? objectClass, string role) => Run(objectClass, t => t.LinksAsync(role, CancellationToken.None));

    public Task<string> Wake()
        => Run(null, async t =>
        {
            // Activation itself resumes open actions and delivers undispatched events; then what is due runs once.
            var target = ((InProcessTransport)t).Target;
            await target.RunAsync(a => new ValueTask<DateTimeOffset?>(a.RunDueSchedulesAsync()), CancellationToken.None);
            return silo.SiloName;
        });

    private async Task<T> Run<T>(string? objectClass, Func<IObjectTransport, Task<T>> work)
    {
        ThrowIfStray();
        var expected = objectClass is null ? null
            : DoRegistry.FindObject(objectClass) ?? throw new ArgumentException($"\"{objectClass}\" is not an object class registered on silo {silo.SiloName}. Reference the assembly that declares it from the silo's project.", nameof(objectClass));
        // The caller's actor travels in the request context (see ActorContext); without one the turn records its own.
        var transport = new InProcessTransport(new ObjectTarget(silo.Host, _ns, expected), ActorContext.Current);

        if (silo.Host.ActivationOf(_ns)?.TurnHolder is { } holder && CallChainContext.Names(CallChainContext.Current, _ns.Value, holder.Id))
        {
            // A call made from inside this object's turn, which still holds it (A → B → A): run within that turn.
            CallChain.Join(holder);
        }
        else
        {
            CallChain.Clear();
        }

        var result = await work(transport);
        await ArmWakeUpsAsync();
        return result;
    }

    private SiloAddress SiloNamed(string where)
    {
        var members = silo.Membership.CurrentSnapshot.Members.Values.Where(m => m.Status == SiloStatus.Active).ToList();
        return members.FirstOrDefault(m => m.Name == where || m.SiloAddress.ToParsableString() == where || m.SiloAddress.ToString() == where)?.SiloAddress
            ?? throw new ArgumentException($"\"{where}\" is neither a colo ({string.Join(", ", [DoHostOptions.DefaultColo, .. silo.Host.Options.Colos.Keys])}) nor an active silo ({string.Join(", ", members.Select(m => m.Name))}).", nameof(where));
    }

    private static NounInfo NounOf(string noun)
        => DoRegistry.FindNoun(noun) ?? throw new ArgumentException($"\"{noun}\" is not a noun registered on this silo. Registered: {string.Join(", ", DoRegistry.Nouns.Select(n => n.Name).Order())}.", nameof(noun));

    private static VerbCall ToVerbCall(VerbCallData call)
    {
        if (!Enum.IsDefined((Durability)call.Durability))
        {
            throw new ArgumentOutOfRangeException(nameof(call), call.Durability, "Durability must be 0 (Send), 1 (Try) or 2 (Do).");
        }

        if (call.Noun is null)
        {
            // Object-level verbs are found by name in the activation's class when the turn runs.
            return new VerbCall { Verb = new VerbInfo(call.Verb, "", false), InputJson = call.InputJson, Durability = (Durability)call.Durability };
        }

        var noun = NounOf(call.Noun);
        var verb = noun.FindVerb(call.Verb) ?? throw new ArgumentException($"{noun.Name} has no verb \"{call.Verb}\". Its verbs: {(noun.Verbs.Count == 0 ? "none" : string.Join(", ", noun.Verbs.Select(v => v.Name)))}.", nameof(call));
        return new VerbCall { Noun = noun, Id = call.Id, Verb = verb, InputJson = call.InputJson, Durability = (Durability)call.Durability, Queued = call.Queued };
    }
}
