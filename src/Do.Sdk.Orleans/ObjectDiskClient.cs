using Orleans.Runtime;
using Orleans.Runtime.Services;

namespace Do.Orleans;

/// <summary>Asks silos about their disks (per-silo disks): who holds an object, and telling a silo to let one go.</summary>
internal sealed class ObjectDiskClient(IServiceProvider services) : GrainServiceClient<IObjectDiskService>(services)
{
    /// <summary>Asks every silo in <paramref name="silos"/> at once whether its disk holds <paramref name="ns"/>.</summary>
    public async Task<DiskSearch> SearchAsync(string ns, IEnumerable<SiloAddress> silos, TimeSpan timeout)
    {
        var asked = silos.Select(async silo =>
        {
            try
            {
                return (Silo: silo, Holds: (bool?)await GetGrainService(silo).Holds(ns).WaitAsync(timeout).ConfigureAwait(false));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Down, shutting down or too slow: it may hold the file, so it must not be counted as "no".
                return (Silo: silo, Holds: (bool?)null);
            }
        }).ToList();
        var answers = await Task.WhenAll(asked).ConfigureAwait(false);
        return new DiskSearch(
            [.. answers.Where(a => a.Holds == true).Select(a => a.Silo)],
            [.. answers.Where(a => a.Holds is null).Select(a => a.Silo)]);
    }

    /// <summary>Tells <paramref name="silo"/> that another silo has taken over the file of <paramref name="ns"/>.</summary>
    public Task<bool> ReleaseAsync(SiloAddress silo, string ns) => GetGrainService(silo).Release(ns);
}
