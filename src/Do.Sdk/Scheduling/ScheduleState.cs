namespace Do;

/// <summary>A persisted schedule of an object: what it runs on, and when it ran and runs next.</summary>
/// <param name="Id">The stable id (expression, time zone, ordinal).</param>
/// <param name="Cron">The cron expression.</param>
/// <param name="TimeZone">The time zone id it is read in.</param>
/// <param name="NextDueAt">When it runs next; null when the expression has no further occurrence.</param>
/// <param name="LastRunAt">When it last ran; null if never.</param>
public sealed record ScheduleState(string Id, string Cron, string TimeZone, DateTimeOffset? NextDueAt, DateTimeOffset? LastRunAt);
