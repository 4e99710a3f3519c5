using Microsoft.Extensions.Time.Testing;

namespace Do.Testing;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that knows every timer's next due time, so a test host can skip straight to the
/// next one (a retry backoff, a timeout, a <c>Task.Delay</c> on the host's clock) instead of stepping blindly.
/// </summary>
internal sealed class TrackingTimeProvider : FakeTimeProvider
{
    private readonly Lock _lock = new();
    private readonly HashSet<TrackedTimer> _armed = [];
    private long _changes;

    /// <summary>Grows on every arm, fire and stop of a timer: unchanged across polls means nothing new waits on time.</summary>
    public long Changes => Interlocked.Read(ref _changes);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new TrackedTimer(this, callback, state);
        timer.Attach(base.CreateTimer(static s => ((TrackedTimer)s!).Fire(), timer, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>The earliest due time after <paramref name="now"/> of the armed timers <paramref name="skip"/> does not exclude.</summary>
    public DateTimeOffset? NextDueAfter(DateTimeOffset now, Func<ITimer, bool> skip)
    {
        DateTimeOffset? next = null;
        lock (_lock)
        {
            foreach (var timer in _armed)
            {
                if (timer.Due is { } due && due > now && !skip(timer) && (next is null || due < next))
                {
                    next = due;
                }
            }
        }

        return next;
    }

    internal void Touched(TrackedTimer timer)
    {
        lock (_lock)
        {
            if (timer.Due is null)
            {
                _armed.Remove(timer);
            }
            else
            {
                _armed.Add(timer);
            }
        }

        Interlocked.Increment(ref _changes);
    }
}
