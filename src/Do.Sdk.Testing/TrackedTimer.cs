namespace Do.Testing;

/// <summary>
/// A timer of <see cref="TrackingTimeProvider"/>: a <c>FakeTimeProvider</c> timer that also remembers when it is next
/// due, which the fake clock itself does not tell.
/// </summary>
internal sealed class TrackedTimer : ITimer
{
    private readonly Lock _lock = new();
    private readonly TrackingTimeProvider _clock;
    private readonly TimerCallback _callback;
    private readonly object? _state;
    private ITimer? _inner;
    private TimeSpan _period = Timeout.InfiniteTimeSpan;

    public TrackedTimer(TrackingTimeProvider clock, TimerCallback callback, object? state)
    {
        _clock = clock;
        _callback = callback;
        _state = state;
    }

    /// <summary>When the timer fires next, or null when it is stopped.</summary>
    public DateTimeOffset? Due { get; private set; }

    /// <summary>Attaches the fake clock's timer that drives this one. Called once, by the provider.</summary>
    public void Attach(ITimer inner) => _inner = inner;

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        lock (_lock)
        {
            _period = period;
            Due = dueTime == Timeout.InfiniteTimeSpan ? null : _clock.GetUtcNow() + dueTime;
        }

        _clock.Touched(this);

        // Last, because the fake clock fires a timer that is already due from inside Change.
        return _inner!.Change(dueTime, period);
    }

    /// <summary>Called by the fake clock when the timer is due: record the next due time, then run the callback.</summary>
    public void Fire()
    {
        lock (_lock)
        {
            Due = _period == Timeout.InfiniteTimeSpan || _period == TimeSpan.Zero ? null : _clock.GetUtcNow() + _period;
        }

        _clock.Touched(this);
        _callback(_state);
    }

    public void Dispose()
    {
        lock (_lock)
        {
            Due = null;
        }

        _clock.Touched(this);
        _inner?.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
