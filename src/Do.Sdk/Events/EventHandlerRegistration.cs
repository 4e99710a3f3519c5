using Do.Storage;

namespace Do;

/// <summary>A handler with its stable id (<c>pattern#ordinal</c>), by which dead letters name it.</summary>
internal sealed record EventHandlerRegistration(string Id, Func<EventRecord, Context, Task> Handler);
