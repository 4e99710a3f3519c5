namespace Do.Storage;

/// <summary>One versioned schema step. Versions are dense and start at 1; a step never changes once shipped.</summary>
internal sealed record Migration(int Version, string Name, string Sql);
