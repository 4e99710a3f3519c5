using Do.Execution;
using Do.Scheduling;
using Do.Storage;

namespace Do.Hosting;

/// <summary>Durable waits: the object's alarm covers their timers, and due or signalled waits run their action again.</summary>
internal sealed partial class ObjectActivation
{
    /// <summary>
    /// The three sources of an alarm in one statement: every activation asks, and a statement's first run on a new
    /// connection costs 25-90 µs of preparing it and reading its tables' first pages (benchmarks/README.md, write path
    /// round 9). MIN skips the sources that have nothing.
    /// </summary>
    private const string NextAlarmSql = $"SELECT MIN(at) FROM (SELECT ({SchedulePersistence.NextDueSql}) AS at UNION ALL SELECT ({StepStore.NextWakeSql}) UNION ALL SELECT ({Workers.ApprovalQueue.NextExpirySql}))";

    /// <summary>The earliest of the object's schedules, its actions' wait timers and (for a Human) its approvals' expiries.</summary>
    public DateTimeOffset? NextAlarm()
    {
        using var query = Database.Once(NextAlarmSql); // asked on activation and when a wait or schedule changes, not per verb
        return query.ExecuteScalar() is long ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
    }

    /// <summary>Tells the host (and through its catalog, a restarted host) when this object must be woken next.</summary>
    public void RefreshAlarm() => Host.SetAlarm(Namespace, NextAlarm());

    /// <summary>Wakes the waits whose timers are due and runs their actions again; then handles expired approvals.</summary>
    private async Task ResumeDueWaitsAsync()
    {
        foreach (var id in DurableSteps.WakeDue(this))
        {
            await ResumeByIdAsync(id).ConfigureAwait(false);
        }

        await Workers.ApprovalQueue.ExpireDueAsync(this).ConfigureAwait(false);
    }

    /// <summary>Runs an action made pending again by its timer or a signal (unless an activation already resumed it).</summary>
    public async Task<bool> ResumeByIdAsync(long actionId)
    {
        if (Database.Actions.Get(actionId) is { Status: ActionStatus.Pending or ActionStatus.Running or ActionStatus.Retrying } action)
        {
            ActorScope.Enter(action.Actor ?? "system");
            await ResumeActionAsync(action, CancellationToken.None).ConfigureAwait(false);
            return true;
        }

        return false;
    }

    /// <summary>After a signal or an answer made an action pending: runs it in a turn of its own, after the current one.</summary>
    public void ResumeLater(long actionId)
    {
        var target = Target;
        Host.RunDetached(() => target.RunAsync(a => new ValueTask<bool>(a.ResumeByIdAsync(actionId)), CancellationToken.None), $"resuming action {actionId} of {Namespace}");
    }
}
