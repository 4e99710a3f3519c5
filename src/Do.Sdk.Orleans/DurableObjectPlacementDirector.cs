using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Runtime.Placement;

namespace Do.Orleans;

/// <summary>
/// Chooses the silo of a durable object's new activation. A placement hint (a migration by <c>MoveTo(silo)</c>) wins.
/// On a shared data root any silo can open any file, so it picks one at random. With per-silo disks it asks every
/// silo whether its disk holds the object: the one holder gets it; a new object (no holder, every silo answered and
/// none is down) goes to the silo that wins a rendezvous hash of its namespace, the same choice on every silo, so two
/// first calls racing through different gateways agree; otherwise placement fails with
/// <see cref="ObjectUnavailableException"/> rather than create an empty second copy.
/// </summary>
internal sealed class DurableObjectPlacementDirector(IServiceProvider services) : IPlacementDirector
{
    private DurableObjectsSilo? _silo;
    private ObjectDiskClient? _disks;

    public async Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var compatible = context.GetCompatibleSilos(target);
        if (IPlacementDirector.GetPlacementHint(target.RequestContextData, compatible) is { } hint)
        {
            return hint;
        }

        // Resolved on first use: the silo's services are built after the placement directors.
        var silo = _silo ??= services.GetRequiredService<DurableObjectsSilo>();
        if (silo.Options.Topology == StorageTopology.SharedDataRoot)
        {
            return compatible[Random.Shared.Next(compatible.Length)];
        }

        var ns = target.GrainIdentity.Key.ToString()!;
        var disks = _disks ??= services.GetRequiredService<ObjectDiskClient>();
        var search = await disks.SearchAsync(ns, compatible, silo.Options.PlacementQueryTimeout).ConfigureAwait(false);
        var snapshot = silo.Membership.CurrentSnapshot;
        string NameOf(SiloAddress address) => snapshot.Members.TryGetValue(address, out var member) ? member.Name : address.ToString();

        switch (search.Holders.Count)
        {
            case 1:
                return search.Holders[0];
            case > 1:
                throw new ObjectUnavailableException(ns, $"the disks of silos {string.Join(", ", search.Holders.Select(NameOf))} each hold a copy of its file (a hand-over between them did not finish). The copy that was written last is the object; move the other out of that silo's data folder (see docs/orleans.md, \"Failure modes\").");
        }

        // A silo that is down keeps its disk: what it holds is not known, so nothing may be created in its place.
        var live = snapshot.Members.Values.Where(m => m.Status == SiloStatus.Active).Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        var missing = snapshot.Members.Values.Where(m => m.Status != SiloStatus.Active && !live.Contains(m.Name)).Select(m => m.Name)
            .Concat(search.Unanswered.Select(NameOf)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            throw new ObjectUnavailableException(ns, $"no live silo's disk holds its file, and silo {string.Join(", ", missing)} — whose disk may hold it — is down or did not answer. Calls to it fail until that silo is back; Do does not create a new, empty object in its place.");
        }

        return compatible.MaxBy(s => Score(ns, NameOf(s)))!;
    }

    /// <summary>Rendezvous hashing on the silo's name (stable across its restarts, unlike its address).</summary>
    private static ulong Score(string ns, string siloName) => BinaryPrimitives.ReadUInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(ns + "\n" + siloName)));
}
