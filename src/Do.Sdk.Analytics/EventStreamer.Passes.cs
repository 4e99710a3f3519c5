using Do.Hosting;
using Do.Storage;

namespace Do.Analytics;

internal sealed partial class EventStreamer
{
    /// <summary>Streams the objects that are due (all that wait, when <paramref name="force"/>). One pass at a time.</summary>
    private async Task PassAsync(bool force, CancellationToken cancellationToken)
    {
        List<Exception>? errors = null;
        await _streaming.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var (ns, state) in _objects)
            {
                if (_stopping.IsCancellationRequested && !force)
                {
                    break; // the host is stopping: finish the object in progress, start no other
                }

                if (!state.IsDue(force, Options.BatchSize, Options.MaxDelay, Host.Time))
                {
                    continue;
                }

                try
                {
                    await StreamObjectAsync(ns, state, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    state.RetryFrom(Host.Time.GetTimestamp());
                    (errors ??= []).Add(e);
                }
            }
        }
        finally
        {
            _streaming.Release();
        }

        if (errors is not null && force)
        {
            throw errors.Count == 1 ? errors[0] : new AggregateException("Streaming events to analytics failed for several objects.", errors);
        }
    }

    /// <summary>
    /// Moves every event of <paramref name="ns"/> after each sink's mark to that sink, batch by batch: read in a turn,
    /// write outside it (the object keeps serving verbs), advance the mark in a second turn, then publish. An
    /// inactive object is not woken for this (see <see cref="OutboxAccess"/>).
    /// </summary>
    private async Task StreamObjectAsync(string ns, ObjectStream state, CancellationToken cancellationToken)
    {
        using var outbox = new OutboxAccess(Host, ObjectNamespace.Parse(ns));
        var streamed = long.MaxValue;
        foreach (var sink in _sinks)
        {
            try
            {
                while (true)
                {
                    var (mark, events) = await outbox.RunAsync(db => Outbox.Read(db, sink.Name, Options.BatchSize), cancellationToken).ConfigureAwait(false);
                    if (events.Count == 0)
                    {
                        streamed = Math.Min(streamed, mark);
                        break;
                    }

                    var batch = new EventBatch(ns, events);
                    await sink.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
                    await CommitPoint("staged").ConfigureAwait(false);
                    await outbox.RunAsync(db => { Outbox.Advance(db, sink.Name, batch.LastSequence); return true; }, cancellationToken).ConfigureAwait(false);
                    await CommitPoint("marked").ConfigureAwait(false);
                    await sink.CommitAsync(batch, cancellationToken).ConfigureAwait(false);
                    Metrics?.Streamed(sink.Name, events.Count);
                    if (events.Count < Options.BatchSize)
                    {
                        streamed = Math.Min(streamed, batch.LastSequence);
                        break;
                    }
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.ObjectFailed(Host.Logger, ns, sink.Name, e);
                throw;
            }
        }

        state.Streamed(streamed);
    }

    private ValueTask CommitPoint(string name) => Options.CommitPointHook is { } hook ? hook(name) : ValueTask.CompletedTask;

    /// <summary>
    /// At start: finishes what a crash left half done (staged files, compactions), then looks at every object's file
    /// through a read-only connection — no activation — and queues those with events past a sink's mark.
    /// </summary>
    private async Task RecoverAsync(CancellationToken cancellationToken)
    {
        var names = _sinks.Select(s => s.Name).ToList();
        foreach (var entry in Host.Catalog())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = ObjectPaths.Resolve(Host.ColoRoot(entry.Colo), entry.File);
            if (!File.Exists(path))
            {
                continue;
            }

            (long Last, Dictionary<string, long> Marks) peek;
            try
            {
                peek = Outbox.Peek(path);
            }
            catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or IOException)
            {
                Log.PeekFailed(Host.Logger, entry.Namespace, e);
                continue;
            }

            var streamed = long.MaxValue;
            foreach (var sink in _sinks)
            {
                var mark = peek.Marks.GetValueOrDefault(sink.Name);
                await sink.RecoverAsync(entry.Namespace, mark, cancellationToken).ConfigureAwait(false);
                streamed = Math.Min(streamed, mark);
            }

            if (names.Count > 0 && peek.Last > streamed)
            {
                var state = _objects.GetOrAdd(entry.Namespace, static _ => new ObjectStream());
                state.Streamed(streamed);
                state.Announce(peek.Last, Host.Time.GetTimestamp());
            }
        }

        Parquet?.DiscardUnclaimedStaged();
    }
}
