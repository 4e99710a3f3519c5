using Do.Infrastructure;
using Orleans;

namespace Do.Orleans;

/// <summary>
/// Reaches a durable object through its grain (<see cref="IDurableObjectGrain"/>), wherever the cluster placed it. Verbs
/// go by name with JSON input; errors come back as the object's own exception types with their messages.
/// </summary>
public sealed class OrleansObjectTransport : IObjectTransport
{
    private readonly IGrainFactory _grains;
    private readonly IDurableObjectGrain _grain;
    private readonly string? _objectClass;

    /// <summary>A transport to <paramref name="ns"/> through <paramref name="grains"/>; <paramref name="objectClass"/> is the class the caller expects, or null for an existing object addressed by URL.</summary>
    public OrleansObjectTransport(IGrainFactory grains, ObjectNamespace ns, string? objectClass)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(ns);
        _grains = grains;
        Namespace = ns;
        _objectClass = objectClass;
        _grain = grains.GetGrain<IDurableObjectGrain>(ns.Value);
    }

    /// <inheritdoc />
    public ObjectNamespace Namespace { get; }

    /// <inheritdoc />
    public IObjectTransport For(ObjectNamespace other) => other == Namespace ? this : new OrleansObjectTransport(_grains, other, null);

    /// <inheritdoc />
    public Task<string?> InvokeAsync(VerbCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var data = new VerbCallData { Noun = call.Noun?.Name, Id = call.Id, Verb = call.Verb.Name, InputJson = call.InputJson, Durability = (int)call.Durability };
        return _grain.Invoke(_objectClass, data).WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public Task<string?> FindAsync(NounInfo noun, Ref reference, CancellationToken cancellationToken)
        => _grain.Find(_objectClass, NameOf(noun), reference.ToString()).WaitAsync(cancellationToken);

    /// <inheritdoc />
    public Task<string> GetAsync(NounInfo noun, Ref reference, CancellationToken cancellationToken)
        => _grain.Get(_objectClass, NameOf(noun), reference.ToString()).WaitAsync(cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListAsync(NounInfo noun, CancellationToken cancellationToken)
        => _grain.List(_objectClass, NameOf(noun)).WaitAsync(cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ThingVersionData>> HistoryAsync(NounInfo noun, string id, CancellationToken cancellationToken)
        => _grain.History(_objectClass, NameOf(noun), id).WaitAsync(cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<FieldChange>> DiffAsync(NounInfo noun, string refA, string refB, CancellationToken cancellationToken)
        => _grain.Diff(_objectClass, NameOf(noun), refA, refB).WaitAsync(cancellationToken);

    /// <inheritdoc />
    public Task WriteAsync(NounInfo noun, string id, ThingWrite write, string? json, CancellationToken cancellationToken)
        => _grain.Write(_objectClass, NameOf(noun), id, (int)write, json).WaitAsync(cancellationToken);

    /// <inheritdoc />
    public Task<string> BranchAsync(string name, CancellationToken cancellationToken) => _grain.Branch(_objectClass, name).WaitAsync(cancellationToken);

    /// <inheritdoc />
    public Task<string> CheckoutAsync(string reference, CancellationToken cancellationToken) => _grain.Checkout(_objectClass, reference).WaitAsync(cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> BranchesAsync(CancellationToken cancellationToken) => _grain.Branches(_objectClass).WaitAsync(cancellationToken);

    /// <inheritdoc />
    public Task<string> CheckedOutAsync(CancellationToken cancellationToken) => _grain.CheckedOut(_objectClass).WaitAsync(cancellationToken);

    /// <inheritdoc />
    public Task<MergeResult> MergeAsync(string branch, MergeStrategy strategy, CancellationToken cancellationToken)
        => _grain.Merge(_objectClass, branch, (int)strategy).WaitAsync(cancellationToken);

    /// <inheritdoc />
    public async Task<IObjectTransport> ForkAsync(ObjectNamespace to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(to);
        var created = await _grain.Fork(_objectClass, to.Value).WaitAsync(cancellationToken).ConfigureAwait(false);
        return new OrleansObjectTransport(_grains, ObjectNamespace.Parse(created), _objectClass);
    }

    /// <inheritdoc />
    public Task<CompactResult> CompactAsync(bool force, CancellationToken cancellationToken) => _grain.Compact(_objectClass, force).WaitAsync(cancellationToken);

    /// <summary>Moves the object: to a colo (<see cref="DoHostOptions.Colos"/>, its file moves) or to a silo by name (the grain migrates there with its identity). Returns where it now lives.</summary>
    public Task<string> MoveToAsync(string colo, CancellationToken cancellationToken) => _grain.MoveTo(_objectClass, colo).WaitAsync(cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<EventRecord>> EventsAsync(long after, int limit, CancellationToken cancellationToken) => _grain.Events(_objectClass, after, limit).WaitAsync(cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<DeadLetter>> DeadLettersAsync(bool includeReplayed, CancellationToken cancellationToken) => _grain.DeadLetters(_objectClass, includeReplayed).WaitAsync(cancellationToken);

    /// <inheritdoc />
    public Task<bool> ReplayAsync(long deadLetterId, CancellationToken cancellationToken) => _grain.Replay(_objectClass, deadLetterId).WaitAsync(cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ScheduleState>> SchedulesAsync(CancellationToken cancellationToken) => _grain.Schedules(_objectClass).WaitAsync(cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ObjectLink>> LinksAsync(string role, CancellationToken cancellationToken) => _grain.Links(_objectClass, role).WaitAsync(cancellationToken);

    private static string NameOf(NounInfo noun)
    {
        ArgumentNullException.ThrowIfNull(noun);
        return noun.Name;
    }
}
