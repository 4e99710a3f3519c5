namespace Do.Analytics;

/// <summary>The width of the time buckets of <see cref="HostAnalytics.CountOverTimeAsync"/>.</summary>
public enum TimeBucket
{
    /// <summary>One bucket per minute.</summary>
    Minute,

    /// <summary>One bucket per hour.</summary>
    Hour,

    /// <summary>One bucket per UTC day.</summary>
    Day,
}
