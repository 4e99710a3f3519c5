namespace Do;

/// <summary>A message to a worker: what it is about, the text, and (for an approval) the request's id.</summary>
/// <param name="Worker">The namespace of the notified worker.</param>
/// <param name="Kind">What it is about, e.g. <c>approval.requested</c>.</param>
/// <param name="Text">The message.</param>
/// <param name="RequestId">The approval request's id, when there is one.</param>
public sealed record Notification(string Worker, string Kind, string Text, long? RequestId = null);
