namespace Do.Storage;

/// <summary>A directed, typed edge between two things; either end may be a full URL in another object.</summary>
/// <param name="Id">The edge's row id.</param>
/// <param name="Type">The edge type, e.g. <c>owns</c> or <c>founded</c>.</param>
/// <param name="From">The source thing (a local id or a full <c>$id</c>).</param>
/// <param name="To">The target thing (a local id or a full <c>$id</c>).</param>
/// <param name="Data">Optional JSON properties of the edge.</param>
/// <param name="CreatedAt">When the edge was added.</param>
internal sealed record Relationship(long Id, string Type, string From, string To, string? Data, DateTimeOffset CreatedAt);
