namespace Do.Storage;

/// <summary>A version of a thing with the action that produced it.</summary>
/// <param name="Thing">The version row.</param>
/// <param name="ActionId">The action that wrote it.</param>
/// <param name="Verb">The action's verb: <c>create</c>, <c>update</c>, <c>delete</c> or a declared verb.</param>
/// <param name="At">When the action completed.</param>
internal sealed record ThingHistoryEntry(ThingRecord Thing, long ActionId, string Verb, DateTimeOffset At);
