namespace Do;

/// <summary>What a test clock needs to know to skip time safely: whether work is in flight, and when the next alarm is.</summary>
public sealed partial class DoHost
{
    /// <summary>Calls in progress or waiting for a turn (including group-commit members).</summary>
    internal int CallsInFlight => Volatile.Read(ref _inflight);

    /// <summary>Fire-and-forget work (Send, scheduler ticks) not yet finished.</summary>
    internal int BackgroundWork => _background.Count;

    /// <summary>
    /// True when nothing runs: no call in flight, no background work, recovery done. Events are dispatched inside the
    /// turn that committed them, so once every call has returned every committed event has been handed to its handlers.
    /// </summary>
    internal bool IsQuiet => CallsInFlight == 0 && BackgroundWork == 0 && Recovered.IsCompleted;

    /// <summary>The host's own periodic timers (idle sweep, scheduler tick); a test clock steps over them.</summary>
    internal bool IsOwnTimer(ITimer timer) => ReferenceEquals(timer, _idleTimer) || ReferenceEquals(timer, _scheduleTimer);

    /// <summary>The earliest schedule alarm of any object after <paramref name="now"/>, from the catalog.</summary>
    internal DateTimeOffset? NextAlarmAfter(DateTimeOffset now) => _catalog.NextAlarmAfter(now);
}
