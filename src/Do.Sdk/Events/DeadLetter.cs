using Do.Storage;

namespace Do;

/// <summary>An event one handler kept failing on, after its retries; replay it once the handler is fixed.</summary>
/// <param name="Id">The dead letter's id.</param>
/// <param name="Event">The event the handler failed on.</param>
/// <param name="Handler">The handler's stable id: its pattern and its ordinal among handlers of that pattern (<c>Startup.prioritized#0</c>).</param>
/// <param name="Error">The last error.</param>
/// <param name="Attempts">How many attempts failed.</param>
/// <param name="CreatedAt">When it was dead-lettered.</param>
/// <param name="ReplayedAt">When a replay succeeded; null while it waits.</param>
public sealed record DeadLetter(long Id, EventRecord Event, string Handler, string Error, int Attempts, DateTimeOffset CreatedAt, DateTimeOffset? ReplayedAt);
