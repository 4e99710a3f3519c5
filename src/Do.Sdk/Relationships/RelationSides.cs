namespace Do.Transport;

/// <summary>
/// Which records of an edge an object keeps: the source's object keeps the outgoing record, the target's object the
/// incoming one (so <see cref="ThingRef{T}.RelatedFrom"/> is a local read); one object holding both ends keeps both.
/// </summary>
[Flags]
public enum RelationSides
{
    /// <summary>The outgoing record, kept by the source's object.</summary>
    Outgoing = 1,

    /// <summary>The incoming record, kept by the target's object.</summary>
    Incoming = 2,

    /// <summary>Both records (source and target in one object).</summary>
    Both = Outgoing | Incoming,
}
