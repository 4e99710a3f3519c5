namespace Do.Storage;

internal sealed partial class ObjectDatabase
{
    private Search.SearchIndex? _searchIndex;
    private Relationships.EdgeStore? _edges;

    /// <summary>The typed full-text and vector index of <see cref="SearchableAttribute"/> nouns.</summary>
    internal Search.SearchIndex SearchIndex => _searchIndex ??= new(this);

    /// <summary>Typed, versioned relationships between things (kept as things of a system noun).</summary>
    internal Relationships.EdgeStore Edges => _edges ??= new(this);
}
