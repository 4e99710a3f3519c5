using Orleans.Placement;

namespace Do.Orleans;

/// <summary>Places a grain with <see cref="DurableObjectPlacement"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
internal sealed class DurableObjectPlacementAttribute : PlacementAttribute
{
    public DurableObjectPlacementAttribute()
        : base(DurableObjectPlacement.Instance)
    {
    }
}
