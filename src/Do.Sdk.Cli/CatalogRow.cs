namespace Do.Cli;

/// <summary>An object as the host's catalog lists it.</summary>
/// <param name="Namespace">The object's namespace URL.</param>
/// <param name="Class">The object's class name.</param>
/// <param name="File">Its database, relative to the data folder (or to its colo's folder).</param>
/// <param name="Colo">The colo its file lives in; null for the data folder itself.</param>
/// <param name="CreatedAt">When the host created it.</param>
/// <param name="NextAlarm">When its next schedule is due, if it has one.</param>
/// <param name="HasPending">True when it may hold open durable actions or undispatched events.</param>
internal sealed record CatalogRow(string Namespace, string Class, string File, string? Colo, DateTimeOffset CreatedAt, DateTimeOffset? NextAlarm, bool HasPending);
