namespace Do.Transport;

/// <summary>One version of a thing as a transport carries it: its JSON rather than a typed value.</summary>
/// <param name="Version">The version id (<c>@v{Version}</c>).</param>
/// <param name="Json">The thing at this version as JSON; null for a delete.</param>
/// <param name="Deleted">True when this version is a delete.</param>
/// <param name="Verb">The action that wrote it: <c>create</c>, <c>update</c>, <c>delete</c> or a verb name.</param>
/// <param name="At">When that action completed.</param>
public sealed record ThingVersionData(long Version, string? Json, bool Deleted, string Verb, DateTimeOffset At);
