namespace Do;

/// <summary>The days of a schedule (<c>Every.Monday</c>, <c>Every.Weekday</c>, …); pick a time to register it.</summary>
public readonly struct DaySchedule
{
    private readonly Every _every;
    private readonly string _days;

    internal DaySchedule(Every every, string days)
    {
        _every = every;
        _days = days;
    }

    /// <summary>The cron expression for <paramref name="hour"/>:<paramref name="minute"/> on these days.</summary>
    public string CronAt(int hour, int minute)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(hour);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(hour, 23);
        ArgumentOutOfRangeException.ThrowIfNegative(minute);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minute, 59);
        return $"{minute} {hour} * * {_days}";
    }

    /// <summary>At <paramref name="hour"/>:<paramref name="minute"/> (24-hour clock) on these days.</summary>
    public ScheduleRegistration At(int hour, int minute, Func<Context, Task> handler)
        => _every.Cron(CronAt(hour, minute), handler);

    /// <summary>At midnight on these days.</summary>
    public ScheduleRegistration AtMidnight(Func<Context, Task> handler) => At(0, 0, handler);

    /// <summary>At noon on these days.</summary>
    public ScheduleRegistration AtNoon(Func<Context, Task> handler) => At(12, 0, handler);

    /// <summary>At 00:00 on the selected days.</summary>
    public ScheduleRegistration At12am(Func<Context, Task> handler) => At(0, 0, handler);

    /// <summary>At 01:00 on the selected days.</summary>
    public ScheduleRegistration At1am(Func<Context, Task> handler) => At(1, 0, handler);

    /// <summary>At 02:00 on the selected days.</summary>
    public ScheduleRegistration At2am(Func<Context, Task> handler) => At(2, 0, handler);

    /// <summary>At 03:00 on the selected days.</summary>
    public ScheduleRegistration At3am(Func<Context, Task> handler) => At(3, 0, handler);

    /// <summary>At 04:00 on the selected days.</summary>
    public ScheduleRegistration At4am(Func<Context, Task> handler) => At(4, 0, handler);

    /// <summary>At 05:00 on the selected days.</summary>
    public ScheduleRegistration At5am(Func<Context, Task> handler) => At(5, 0, handler);

    /// <summary>At 06:00 on the selected days.</summary>
    public ScheduleRegistration At6am(Func<Context, Task> handler) => At(6, 0, handler);

    /// <summary>At 07:00 on the selected days.</summary>
    public ScheduleRegistration At7am(Func<Context, Task> handler) => At(7, 0, handler);

    /// <summary>At 08:00 on the selected days.</summary>
    public ScheduleRegistration At8am(Func<Context, Task> handler) => At(8, 0, handler);

    /// <summary>At 09:00 on the selected days.</summary>
    public ScheduleRegistration At9am(Func<Context, Task> handler) => At(9, 0, handler);

    /// <summary>At 10:00 on the selected days.</summary>
    public ScheduleRegistration At10am(Func<Context, Task> handler) => At(10, 0, handler);

    /// <summary>At 11:00 on the selected days.</summary>
    public ScheduleRegistration At11am(Func<Context, Task> handler) => At(11, 0, handler);

    /// <summary>At 12:00 on the selected days.</summary>
    public ScheduleRegistration At12pm(Func<Context, Task> handler) => At(12, 0, handler);

    /// <summary>At 13:00 on the selected days.</summary>
    public ScheduleRegistration At1pm(Func<Context, Task> handler) => At(13, 0, handler);

    /// <summary>At 14:00 on the selected days.</summary>
    public ScheduleRegistration At2pm(Func<Context, Task> handler) => At(14, 0, handler);

    /// <summary>At 15:00 on the selected days.</summary>
    public ScheduleRegistration At3pm(Func<Context, Task> handler) => At(15, 0, handler);

    /// <summary>At 16:00 on the selected days.</summary>
    public ScheduleRegistration At4pm(Func<Context, Task> handler) => At(16, 0, handler);

    /// <summary>At 17:00 on the selected days.</summary>
    public ScheduleRegistration At5pm(Func<Context, Task> handler) => At(17, 0, handler);

    /// <summary>At 18:00 on the selected days.</summary>
    public ScheduleRegistration At6pm(Func<Context, Task> handler) => At(18, 0, handler);

    /// <summary>At 19:00 on the selected days.</summary>
    public ScheduleRegistration At7pm(Func<Context, Task> handler) => At(19, 0, handler);

    /// <summary>At 20:00 on the selected days.</summary>
    public ScheduleRegistration At8pm(Func<Context, Task> handler) => At(20, 0, handler);

    /// <summary>At 21:00 on the selected days.</summary>
    public ScheduleRegistration At9pm(Func<Context, Task> handler) => At(21, 0, handler);

    /// <summary>At 22:00 on the selected days.</summary>
    public ScheduleRegistration At10pm(Func<Context, Task> handler) => At(22, 0, handler);

    /// <summary>At 23:00 on the selected days.</summary>
    public ScheduleRegistration At11pm(Func<Context, Task> handler) => At(23, 0, handler);
}
