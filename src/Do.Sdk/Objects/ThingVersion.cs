namespace Do;

/// <summary>One version of a typed thing in its history.</summary>
/// <typeparam name="T">The noun.</typeparam>
/// <param name="Version">The version id (<c>@v{Version}</c>).</param>
/// <param name="Value">The thing at this version; null for a delete.</param>
/// <param name="Deleted">True when this version is a delete.</param>
/// <param name="Verb">The action that wrote it: <c>create</c>, <c>update</c>, <c>delete</c> or a verb name.</param>
/// <param name="At">When that action completed.</param>
public sealed record ThingVersion<T>(long Version, T? Value, bool Deleted, string Verb, DateTimeOffset At)
    where T : class;
