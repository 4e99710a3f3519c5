using Orleans;
using Orleans.Runtime;

namespace Do.Orleans;

/// <summary>
/// The grain's side of per-silo disks: a migration carries the object's closed file in the dehydration context and
/// writes it on the target silo's disk; the new activation then tells the old silo to let its copy go. An activation
/// on a silo whose disk lacks the file refuses to run when another silo holds it, so a stray activation can never
/// start an empty object.
/// </summary>
[DurableObjectPlacement]
internal sealed partial class DurableObjectGrain : IGrainMigrationParticipant
{
    private const string FileKey = "do.file";
    private const string ClassKey = "do.class";
    private const string FromKey = "do.from";
    private SiloAddress? _handedFrom;
    private SiloAddress? _strayFrom;

    /// <summary>Runs after <see cref="OnActivateAsync"/> took the fence: finishes a hand-over, or checks this silo is the object's home.</summary>
    private async Task OnPlacedAsync(CancellationToken cancellationToken)
    {
        _ = silo.TakeAlarm(_ns, out _); // a leftover of an earlier activation here; this one arms its own wake-ups
        if (silo.Options.Topology != StorageTopology.PerSiloDisk)
        {
            return;
        }

        if (_handedFrom is { } from)
        {
            _handedFrom = null;
            try
            {
                await silo.Disks.ReleaseAsync(from, _ns.Value).WaitAsync(silo.Options.PlacementQueryTimeout, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The file is here and catalogued: the object runs. The old copy stays until that silo is told again
                // (placement then reports two holders rather than guess).
                GrainLog.ReleaseFailed(silo.Logger, _ns.Value, from.ToString(), e);
            }

            return;
        }

        if (silo.Host.Holds(_ns))
        {
            return;
        }

        var others = silo.Membership.CurrentSnapshot.Members.Values
            .Where(m => m.Status == SiloStatus.Active && !m.SiloAddress.Equals(silo.SiloAddress)).Select(m => m.SiloAddress);
        var search = await silo.Disks.SearchAsync(_ns.Value, others, silo.Options.PlacementQueryTimeout);
        if (search.Holders.Count > 0)
        {
            // A caller with a stale directory cache sent the call here, and Orleans activates wherever a call lands. This
            // activation must not open anything: it moves to the holder at once, and calls already queued follow it.
            _strayFrom = search.Holders[0];
            RequestContext.Set(global::Orleans.Runtime.Placement.IPlacementDirector.PlacementHintKey, _strayFrom);
            this.MigrateOnIdle();
        }
    }

    /// <summary>Refuses to run a call on an activation placed away from the object's file (see <see cref="OnPlacedAsync"/>).</summary>
    private void ThrowIfStray()
    {
        if (_strayFrom is { } holder)
        {
            throw new ObjectUnavailableException(_ns.Value, $"the call reached silo {silo.SiloName}, but the object's file is on the disk of silo {holder}; the activation is moving there. Retry the call.");
        }
    }

    public void OnDehydrate(IDehydrationContext dehydrationContext)
    {
        ArgumentNullException.ThrowIfNull(dehydrationContext);
        if (silo.Options.Topology != StorageTopology.PerSiloDisk || !silo.Host.Holds(_ns))
        {
            return;
        }

        // Called after OnDeactivateAsync closed the file: these are its complete bytes. This silo keeps its copy until
        // the new activation has written its own and says so (OnPlacedAsync there), so a failed migration loses nothing.
        var (objectClass, database) = silo.Host.ExportObject(_ns);
        dehydrationContext.AddBytes(FileKey, database);
        dehydrationContext.TryAddValue(ClassKey, objectClass);
        dehydrationContext.TryAddValue(FromKey, silo.SiloAddress);
    }

    public void OnRehydrate(IRehydrationContext rehydrationContext)
    {
        ArgumentNullException.ThrowIfNull(rehydrationContext);
        if (silo.Options.Topology != StorageTopology.PerSiloDisk
            || !rehydrationContext.TryGetBytes(FileKey, out var database)
            || !rehydrationContext.TryGetValue(ClassKey, out string? objectClass) || objectClass is null)
        {
            return;
        }

        var ns = ObjectNamespace.Parse(this.GetPrimaryKeyString());
        silo.Host.ImportObject(ns, objectClass, database.IsSingleSegment ? database.FirstSpan : System.Buffers.BuffersExtensions.ToArray(database));
        if (rehydrationContext.TryGetValue(FromKey, out SiloAddress? from))
        {
            _handedFrom = from;
        }
    }
}
