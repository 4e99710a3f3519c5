using Orleans;
using Orleans.Services;

namespace Do.Orleans;

/// <summary>
/// Each silo's answer about its own disk (per-silo disks): whether its catalog holds an object, and letting go of a
/// file another silo has taken over. A grain service, so a call reaches exactly the silo it names, or fails when that
/// silo is down.
/// </summary>
[Alias("Do.Orleans.IObjectDiskService")]
internal interface IObjectDiskService : IGrainService
{
    /// <summary>True when this silo's catalog holds <paramref name="ns"/>.</summary>
    [Alias("Holds")]
    Task<bool> Holds(string ns);

    /// <summary>Forgets <paramref name="ns"/>, whose file another silo now holds; false when this silo did not have it.</summary>
    [Alias("Release")]
    Task<bool> Release(string ns);
}
