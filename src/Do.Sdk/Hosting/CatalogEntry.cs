namespace Do;

/// <summary>A row of the host's catalog: an object the host has created.</summary>
/// <param name="Namespace">The object's namespace URL.</param>
/// <param name="Class">The object's class name.</param>
/// <param name="File">The database file, relative to the data folder.</param>
/// <param name="CreatedAt">When the object was created.</param>
/// <param name="Colo">The storage location the file is in; null for the data folder.</param>
public sealed record CatalogEntry(string Namespace, string Class, string File, DateTimeOffset CreatedAt, string? Colo = null);
