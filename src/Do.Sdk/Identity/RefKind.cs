namespace Do;

/// <summary>Which version of a thing a <see cref="Ref"/> selects.</summary>
public enum RefKind
{
    /// <summary>The newest version on the current branch (<c>acme</c>).</summary>
    Head,

    /// <summary>The newest version on a named branch (<c>acme@main</c>, <c>acme@experiment</c>).</summary>
    Branch,

    /// <summary>One exact version, by its rowid (<c>acme@v1234</c>).</summary>
    Version,

    /// <summary>N versions before HEAD (<c>acme@~1</c>).</summary>
    Ancestor,

    /// <summary>The version that was HEAD at a point in time (<c>acme@2026-11-23T09:00:00Z</c>).</summary>
    AsOf,
}
