namespace Do.Storage;

/// <summary>One row of the version log: a thing's JSON data at one version, or a tombstone.</summary>
/// <param name="Version">The row id, which is the version id (<c>@v{Version}</c>).</param>
/// <param name="Noun">The noun name, e.g. <c>Startup</c>.</param>
/// <param name="Id">The local id, e.g. <c>acme</c>.</param>
/// <param name="Data">The JSON data; null on a tombstone.</param>
/// <param name="Deleted">True when this version is a delete.</param>
internal sealed record ThingRecord(long Version, string Noun, string Id, string? Data, bool Deleted);
