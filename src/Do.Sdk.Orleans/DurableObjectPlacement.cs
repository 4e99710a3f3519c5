using Orleans;
using Orleans.Runtime;

namespace Do.Orleans;

/// <summary>
/// The placement of durable-object grains, decided by <see cref="DurableObjectPlacementDirector"/>: Orleans' random
/// placement on a shared data root; with per-silo disks, the silo whose disk holds the object's file.
/// </summary>
[GenerateSerializer]
[Alias("Do.Orleans.DurableObjectPlacement")]
internal sealed class DurableObjectPlacement : PlacementStrategy
{
    /// <summary>The one instance the grain's attribute uses.</summary>
    public static readonly DurableObjectPlacement Instance = new();
}
