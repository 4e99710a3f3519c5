namespace Do.Analytics;

/// <summary>What the stream knows of one object: the newest sequence announced, how far every sink has streamed, and since when events wait.</summary>
internal sealed class ObjectStream
{
    private readonly Lock _lock = new();
    private long _announced;
    private long _streamed;
    private long _waitingSince;

    /// <summary>Events announced but not yet streamed to every sink (an estimate: rolled-back sequences count until the next pass).</summary>
    public long Lag
    {
        get
        {
            lock (_lock)
            {
                return Math.Max(0, _announced - _streamed);
            }
        }
    }

    /// <summary>The timestamp since which events wait; 0 when none does.</summary>
    public long WaitingSince
    {
        get
        {
            lock (_lock)
            {
                return _waitingSince;
            }
        }
    }

    public void Announce(long sequence, long now)
    {
        lock (_lock)
        {
            if (sequence <= _announced)
            {
                return;
            }

            _announced = sequence;
            if (_waitingSince == 0 && _announced > _streamed)
            {
                _waitingSince = now;
            }
        }
    }

    /// <summary>Records that every sink has streamed through <paramref name="sequence"/>.</summary>
    public void Streamed(long sequence)
    {
        lock (_lock)
        {
            _streamed = sequence;
            _announced = Math.Max(_announced, sequence);
            if (_announced <= _streamed)
            {
                _waitingSince = 0;
            }
        }
    }

    /// <summary>A pass failed: try again after the age roll, not on every tick.</summary>
    public void RetryFrom(long now)
    {
        lock (_lock)
        {
            _waitingSince = now;
        }
    }

    public bool IsDue(bool force, int batchSize, TimeSpan maxDelay, TimeProvider time)
    {
        lock (_lock)
        {
            if (_announced <= _streamed)
            {
                return false;
            }

            return force || _announced - _streamed >= batchSize || time.GetElapsedTime(_waitingSince) >= maxDelay;
        }
    }
}
