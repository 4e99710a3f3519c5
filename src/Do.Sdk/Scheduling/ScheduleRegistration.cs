using Cronos;

namespace Do;

/// <summary>A schedule declared in <c>Configure</c>: a cron expression, its time zone and its handler.</summary>
public sealed class ScheduleRegistration
{
    internal ScheduleRegistration(string id, string cron, CronExpression expression, TimeZoneInfo timeZone, Func<Context, Task> handler)
    {
        Id = id;
        Cron = cron;
        Expression = expression;
        TimeZone = timeZone;
        Handler = handler;
    }

    /// <summary>The stable identity of the schedule: its expression, time zone and ordinal among equal schedules.</summary>
    public string Id { get; }

    /// <summary>The cron expression (5 fields, or 6 with seconds).</summary>
    public string Cron { get; }

    /// <summary>The time zone the expression is read in.</summary>
    public TimeZoneInfo TimeZone { get; }

    internal CronExpression Expression { get; }

    internal Func<Context, Task> Handler { get; }

    /// <summary>The first occurrence strictly after <paramref name="after"/>, or null when there is none.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset after)
        => Expression.GetNextOccurrence(after, TimeZone, inclusive: false);
}
