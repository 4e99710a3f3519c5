using System.Diagnostics;
using Do.Execution;
using Do.Telemetry;

namespace Do.Hosting;

/// <summary>Group commit: many callers' synchronous verbs share one transaction, in bounded, fair drains.</summary>
internal sealed partial class ObjectActivation
{
    /// <summary>
    /// How long one drain keeps taking new members before it yields the thread. Orleans bounds each activation's turn
    /// the same way: on two cores, a drain that runs while its callers keep re-queuing would hold a pool thread for as
    /// long as the load lasts, and the objects queued behind it would starve.
    /// </summary>
    internal static readonly TimeSpan DrainQuantum = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// Queues work for the next group commit. One drainer at a time takes the object's turn, runs queued members in one
    /// shared transaction (see <see cref="RunGroupAsync"/> for failures), commits once, dispatches the events, and only then answers the
    /// callers: under concurrency many verbs share one fsync, and no caller hears "done" before its write is durable.
    /// Returns true when this caller won the drain, runs on the thread pool without a context of its own, and the pool has
    /// no work waiting: it runs the first group itself (<see cref="DrainHereAsync"/>) and goes on without a thread hop,
    /// yielding to the pool now and then (<see cref="InlineAnswers"/>), instead of paying two hops (drain work item, then
    /// its own continuation).
    /// </summary>
    public bool Enqueue(GroupedWork work)
    {
        if (DoTelemetry.TurnQueued.Enabled || DoTelemetry.TurnWait.Enabled)
        {
            work.QueuedAt = Host.Time.GetTimestamp();
            DoTelemetry.Queued(Namespace, 1);
        }

        _grouped.Enqueue(work);
        if (Interlocked.CompareExchange(ref _draining, 1, 0) == 0)
        {
            if (Host.Options.InlineDrain)
            {
                _ = DrainAsync(); // the pre-fairness drain, kept for A/B measurements (DoHostOptions.InlineDrain)
                return false;
            }

            if (SynchronizationContext.Current is null && TaskScheduler.Current == TaskScheduler.Default && ThreadPool.PendingWorkItemCount == 0)
            {
                return true;
            }

            // A caller with a context of its own (a UI thread, a test framework's) must not run the group: members'
            // continuations would post to that context, and so would the caller's yield, which deadlocks a caller that
            // blocks on the call there.
            // Nor does a caller while the pool has work waiting: that work is often the other callers of this object, not
            // started yet (64 Task.Run queued by a thread outside the pool). Run here, the group held this caller alone,
            // answered it on the spot, and its next call won the drain again: one thread committed one verb per group
            // while the pool, seeing work items complete, woke no other thread for the queued callers (groups of 1 for
            // milliseconds: 24-66 µs per verb for 64 callers against 19-26 µs; benchmarks/README.md, write path round 18).
            // Queued behind that work, the drain finds those callers in the object's queue.
            ScheduleDrain();
        }

        return false;
    }

    /// <summary>
    /// Runs one group on the calling thread, for the caller whose <see cref="Enqueue"/> won the drain. It is bounded like
    /// any group (<see cref="DoHostOptions.MaxGroupSize"/>, <see cref="DrainQuantum"/>); work queued meanwhile goes to a
    /// drain at the back of the pool's global queue. The caller must yield now and then before its code goes on (see
    /// <c>DoHost.RunGroupedAsync</c> and <see cref="InlineAnswers"/>): answered synchronously every time, a caller calling
    /// in a loop would never give its thread back, and the objects whose callers wait for a thread would starve (issue 19).
    /// </summary>
    public Task DrainHereAsync() => DrainAsync();

    /// <summary>Queues a drain at the back of the pool's global queue, behind every other object's queued work.</summary>
    private void ScheduleDrain() => ThreadPool.UnsafeQueueUserWorkItem(static activation => _ = activation.DrainAsync(), this, preferLocal: false);

    /// <summary>
    /// Runs one group (at most <see cref="DoHostOptions.MaxGroupSize"/> members, at most <see cref="DrainQuantum"/> of
    /// taking new ones), answers its callers, and if more work is queued (or the group answered more than one caller, who
    /// may call again), schedules the next group as a new work item at the back of the thread pool's global queue instead
    /// of looping: every other object's drain queued meanwhile runs first, and so do the answers just given. Only the
    /// first group may run on the thread of the caller that won the drain (<see cref="DrainHereAsync"/>), which yields now
    /// and then before its own code goes on. Callers are answered through work items of their own (see
    /// <see cref="GroupedWork.Finish"/>), so no caller's code ever runs inside this or another object's drain.
    /// </summary>
    private async Task DrainAsync()
    {
        CallChain.Clear(); // members come from outside any turn; the group's turn is a chain of its own
        if (Activity.Current is not null)
        {
            Activity.Current = null; // run here by its first caller, the group is not inside that caller's span
        }
        while (await DrainGroupAsync().ConfigureAwait(false) && Host.Options.InlineDrain)
        {
            // The pre-fairness drain loops on its thread while work is queued (DoHostOptions.InlineDrain).
        }
    }

    /// <summary>Runs one group; true when this drainer still holds the drain and has scheduled the next group.</summary>
    private async Task<bool> DrainGroupAsync()
    {
        if (_grouped.IsEmpty)
        {
            // Scheduled behind the answers of a group whose callers did not call again: nothing to run.
            Volatile.Write(ref _draining, 0);
            if (_grouped.IsEmpty || Interlocked.CompareExchange(ref _draining, 1, 0) != 0)
            {
                return false;
            }
        }

        var batch = new List<GroupedWork>();
        Exception? groupError = null;
        if (!TryEnter())
        {
            // Closed: only members whose callers already gave up (cancelled) can be left; they run nothing.
            while (TryTakeQueued(out var orphan))
            {
                orphan.Finish(new OperationCanceledException($"{Namespace} was deactivated before the queued call ran."));
            }

            Volatile.Write(ref _draining, 0);
            return false;
        }

        try
        {
            await RunTurnAsync(null, a => a.RunGroupAsync(batch), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            groupError = e;
            while (batch.Count == 0 && TryTakeQueued(out var orphan))
            {
                batch.Add(orphan); // the turn never started (activation failed): fail what was waiting
            }
        }
        finally
        {
            Exit();
        }

        foreach (var member in batch)
        {
            member.Finish(groupError);
        }

        if (batch.Count > 1 && !Host.Options.InlineDrain)
        {
            // The answers just queued are callers who may call again at once: the next drain goes behind them in the
            // pool's queue and finds them queued, instead of starting on the first of them and committing it alone.
            ScheduleDrain();
            return true;
        }

        Volatile.Write(ref _draining, 0);
        if (_grouped.IsEmpty || Interlocked.CompareExchange(ref _draining, 1, 0) != 0)
        {
            return false;
        }

        if (!Host.Options.InlineDrain)
        {
            ScheduleDrain();
        }

        return true;
    }

    private async ValueTask<bool> RunGroupAsync(List<GroupedWork> batch)
    {
        var limit = Host.Options.MaxGroupSize;
        var inline = Host.Options.InlineDrain;
        while (inline && batch.Count < limit && TryTakeQueued(out var taken))
        {
            batch.Add(taken); // the pre-fairness drain takes its whole group up front, with no quantum
        }

        var started = Host.Time.GetTimestamp();
        var db = Database;
        db.BeginGroup();
        var kept = new List<GroupedWork>(); // the members whose writes the shared transaction holds, in order
        var savepoints = false; // after a replay, the rest of the group runs each member in a savepoint
        try
        {
            // Members are taken one by one, so callers who arrive while the group runs still join it, until the cap or
            // the quantum ends the group; what is left waits for the next drain.
            for (int next = 0; inline ? next < batch.Count : batch.Count < limit && (batch.Count == 0 || Host.Time.GetElapsedTime(started) < DrainQuantum); next++)
            {
                GroupedWork member;
                if (inline)
                {
                    member = batch[next];
                }
                else if (TryTakeQueued(out member) || (batch.Count < _lastGroupSize && WaitForJoiners() && TryTakeQueued(out member)))
                {
                    batch.Add(member);
                }
                else
                {
                    break;
                }

                if ((member.CancellationToken.IsCancellationRequested && member.TryAbandon()) || !member.TryStart())
                {
                    member.Error = new OperationCanceledException(member.CancellationToken); // its caller gave up: it runs nothing
                    continue;
                }

                if (savepoints)
                {
                    await RunInSavepointAsync(db, member, kept).ConfigureAwait(false);
                    continue;
                }

                // No savepoint (two statements and a sub-journal per member): almost every failure comes before the
                // member writes (its verb refused, its thing is gone), and then the transaction is as it found it.
                var changes = db.ChangeMark;
                var mark = db.MemberMark;
                try
                {
                    CheckClass(member.Expected);
                    await member.Work(this).ConfigureAwait(false);
                    kept.Add(member);
                }
                catch (Exception e)
                {
                    member.Error = e;
                    if (db.ChangeMark == changes && db.TransactionOpen)
                    {
                        db.ForgetMember(mark);
                    }
                    else
                    {
                        // It failed after writing, and its rows cannot be taken out alone: the transaction starts again and
                        // the members it held run once more, each in a savepoint, as does the rest of the group.
                        savepoints = kept.Count > 0;
                        db.RestartGroup();
                        var again = kept.ToArray();
                        kept.Clear();
                        foreach (var earlier in again)
                        {
                            await RunInSavepointAsync(db, earlier, kept).ConfigureAwait(false);
                        }
                    }
                }
            }

            var timed = DoTelemetry.CommitDuration.Enabled;
            var committing = timed ? Host.Time.GetTimestamp() : 0;
            var syncing = Stopwatch.GetTimestamp();
            db.CommitGroup();
            _lastCommit = Stopwatch.GetTimestamp() - syncing;
            _lastGroupSize = batch.Count;
            if (timed)
            {
                DoTelemetry.CommitDuration.Record(Host.Time.GetElapsedTime(committing).TotalSeconds);
            }
        }
        catch
        {
            db.RollbackGroup();
            throw;
        }

        if (DoTelemetry.CommitGroupSize.Enabled)
        {
            DoTelemetry.CommitGroupSize.Record(batch.Count);
        }

        Activity.Current?.SetTag(DoTelemetry.GroupSizeTag, batch.Count);
        return true;
    }

    /// <summary>
    /// Runs one member in a savepoint of the shared transaction (or none while the transaction holds nothing else), so
    /// that its failure takes out its own writes and keeps the others'.
    /// </summary>
    private async ValueTask RunInSavepointAsync(Storage.ObjectDatabase db, GroupedWork member, List<GroupedWork> kept)
    {
        var first = kept.Count == 0;
        var mark = db.BeginMember(first);
        try
        {
            member.Error = null;
            CheckClass(member.Expected);
            await member.Work(this).ConfigureAwait(false);
            db.EndMember(first);
            kept.Add(member);
        }
        catch (Exception e)
        {
            db.RollbackMember(mark, first);
            member.Error = e;
        }
    }

    /// <summary>How many members the last group took: the callers it answered, who may be calling again.</summary>
    private int _lastGroupSize;

    /// <summary>How long the last group's commit took, in <see cref="Stopwatch"/> ticks.</summary>
    private long _lastCommit;

    /// <summary>The longest <see cref="WaitForJoiners"/> waits by default, however long the last commit took: 200 µs.</summary>
    private static readonly long MaxJoinWait = Stopwatch.Frequency / 5_000;

    /// <summary>
    /// Called when the queue runs dry while the group holds fewer members than the last group answered: waits, spinning and
    /// yielding the core, for one more caller, at most a quarter of the last commit's time and at most 200 µs (or
    /// <see cref="DoHostOptions.GroupJoinWait"/>). Returns whether one came.
    /// <para>
    /// The callers a group answers call again as soon as their continuations run, and the next group starts as soon as the
    /// first of them is queued. Without the wait a group commits whatever is queued the moment the queue is empty, and the
    /// groups stay small: with 64 callers on a 2-core machine, under NORMAL the groups held 5–9 verbs (each paying a commit's
    /// log writes and syscalls, ~4.5 µs per verb), and under FULL one group in ten held a single verb and paid a whole sync
    /// for it. Waiting a fraction of a commit to share it is what PostgreSQL's <c>commit_delay</c> and MySQL's
    /// <c>binlog_group_commit_sync_delay</c> do; here it is bounded by the commit it saves, and a lone caller (whose last
    /// group held one verb) never waits (benchmarks/README.md, write path round 16).
    /// </para>
    /// </summary>
    private bool WaitForJoiners()
    {
        var limit = Host.Options.GroupJoinWait is { } set ? (long)(set.TotalSeconds * Stopwatch.Frequency) : Math.Min(_lastCommit / 4, MaxJoinWait);
        var started = Stopwatch.GetTimestamp();
        var spinner = default(SpinWait);
        while (_grouped.IsEmpty)
        {
            if (Stopwatch.GetTimestamp() - started > limit)
            {
                return false;
            }

            spinner.SpinOnce(sleep1Threshold: -1);
        }

        return true;
    }

    /// <summary>Takes the next queued member, recording how long it waited when someone listens.</summary>
    private bool TryTakeQueued(out GroupedWork member)
    {
        if (!_grouped.TryDequeue(out member!))
        {
            return false;
        }

        if (member.QueuedAt is long queuedAt)
        {
            DoTelemetry.Queued(Namespace, -1);
            DoTelemetry.Waited(Namespace, Host.Time.GetElapsedTime(queuedAt));
        }

        return true;
    }
}
