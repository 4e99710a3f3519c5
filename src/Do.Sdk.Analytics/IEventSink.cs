namespace Do.Analytics;

/// <summary>
/// Where the analytics stream delivers events: Parquet files by default, or an external system. Each object keeps a
/// high-water mark per sink <see cref="Name"/> in its own file, advanced after <see cref="WriteAsync"/> returns, so a
/// sink sees each event at least once and, when it writes idempotently by <see cref="AnalyticsEvent.Id"/>, exactly
/// once. Calls for one sink never overlap. A slow sink delays only the stream, never verbs: events wait in their
/// objects' outboxes, and the lag is reported as a metric.
/// </summary>
public interface IEventSink
{
    /// <summary>The sink's stable name: the key of its mark in every object's file. Renaming it streams everything again.</summary>
    string Name { get; }

    /// <summary>
    /// Makes <paramref name="batch"/> durable (or stages it durably, see <see cref="CommitAsync"/>). Throwing leaves
    /// the mark where it was: the batch is offered again later.
    /// </summary>
    ValueTask WriteAsync(EventBatch batch, CancellationToken cancellationToken);

    /// <summary>Called after the object's mark covers <paramref name="batch"/>: a sink that stages writes publishes them here.</summary>
    ValueTask CommitAsync(EventBatch batch, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>
    /// Called once per object when the host starts, with the object's mark for this sink: a sink that stages writes
    /// publishes what the mark covers and discards what it does not (the process stopped between the two steps).
    /// </summary>
    ValueTask RecoverAsync(string source, long streamedThrough, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
