namespace Do.Transport;

/// <summary>Which edges of a thing a relationship query reads.</summary>
public enum RelationDirection
{
    /// <summary>Edges leaving the thing (<see cref="ThingRef{T}.Related"/>).</summary>
    Outgoing,

    /// <summary>Edges arriving at the thing (<see cref="ThingRef{T}.RelatedFrom"/>).</summary>
    Incoming,
}
