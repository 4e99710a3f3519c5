using Cronos;

namespace Do;

/// <summary>
/// Declares schedules (<c>ctx.Every</c>): <c>Every.Monday.At9am(...)</c>, <c>Every.Weekday.At(14, 30, ...)</c>,
/// <c>Every.Hour(...)</c>, <c>Every.Minutes(15, ...)</c>, <c>Every.Cron("0 9 * * 1-5", "Europe/Paris", ...)</c>.
/// Each form is a Cronos expression underneath; times are read in <see cref="DoHostOptions.TimeZone"/> unless a
/// zone is given.
/// </summary>
public sealed class Every
{
    private readonly List<ScheduleRegistration> _registrations = [];
    private readonly TimeZoneInfo _defaultZone;

    internal Every(TimeZoneInfo defaultZone) => _defaultZone = defaultZone;

    /// <summary>The schedules declared so far.</summary>
    public IReadOnlyList<ScheduleRegistration> Registrations => _registrations;

    /// <summary>Every Monday.</summary>
    public DaySchedule Monday => new(this, "1");

    /// <summary>Every Tuesday.</summary>
    public DaySchedule Tuesday => new(this, "2");

    /// <summary>Every Wednesday.</summary>
    public DaySchedule Wednesday => new(this, "3");

    /// <summary>Every Thursday.</summary>
    public DaySchedule Thursday => new(this, "4");

    /// <summary>Every Friday.</summary>
    public DaySchedule Friday => new(this, "5");

    /// <summary>Every Saturday.</summary>
    public DaySchedule Saturday => new(this, "6");

    /// <summary>Every Sunday.</summary>
    public DaySchedule Sunday => new(this, "0");

    /// <summary>Every day.</summary>
    public DaySchedule Day => new(this, "*");

    /// <summary>Monday to Friday.</summary>
    public DaySchedule Weekday => new(this, "1-5");

    /// <summary>Saturday and Sunday.</summary>
    public DaySchedule Weekend => new(this, "0,6");

    /// <summary>At the start of every minute.</summary>
    public ScheduleRegistration Minute(Func<Context, Task> handler) => Cron("* * * * *", handler);

    /// <summary>At the start of every hour.</summary>
    public ScheduleRegistration Hour(Func<Context, Task> handler) => Cron("0 * * * *", handler);

    /// <summary>Every <paramref name="n"/> minutes, on the clock (minute 0, n, 2n, … of each hour); n from 1 to 59.</summary>
    public ScheduleRegistration Minutes(int n, Func<Context, Task> handler)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, 59);
        return Cron(n == 1 ? "* * * * *" : $"*/{n} * * * *", handler);
    }

    /// <summary>Every <paramref name="n"/> hours, on the hour (hour 0, n, 2n, … of each day); n from 1 to 23.</summary>
    public ScheduleRegistration Hours(int n, Func<Context, Task> handler)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, 23);
        return Cron(n == 1 ? "0 * * * *" : $"0 */{n} * * *", handler);
    }

    /// <summary>On a cron expression (5 fields, or 6 with seconds) in the host's time zone.</summary>
    /// <exception cref="ArgumentException">The expression is not valid cron; the message carries Cronos's reason.</exception>
    public ScheduleRegistration Cron(string expression, Func<Context, Task> handler) => Add(expression, _defaultZone, handler);

    /// <summary>On a cron expression read in the named time zone (IANA or Windows id, e.g. <c>Europe/Paris</c>).</summary>
    /// <exception cref="ArgumentException">The expression or the time zone is not valid.</exception>
    public ScheduleRegistration Cron(string expression, string timeZone, Func<Context, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        TimeZoneInfo zone;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        }
        catch (TimeZoneNotFoundException e)
        {
            throw new ArgumentException($"\"{timeZone}\" is not a time zone this machine knows. Expected an IANA or Windows id, e.g. Europe/Paris or UTC.", nameof(timeZone), e);
        }

        return Add(expression, zone, handler);
    }

    /// <summary>Parses a cron expression: 5 fields, or 6 when the first is seconds.</summary>
    /// <exception cref="ArgumentException">The expression is not valid; the message names it and carries Cronos's reason.</exception>
    public static CronExpression ParseCron(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        try
        {
            return CronExpression.Parse(expression, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
        }
        catch (CronFormatException e)
        {
            throw new ArgumentException($"\"{expression}\" is not a valid cron expression: {e.Message} Expected 5 fields (minute hour day-of-month month day-of-week) or 6 with seconds first, e.g. \"0 9 * * 1\".", nameof(expression), e);
        }
    }

    internal ScheduleRegistration Add(string expression, TimeZoneInfo zone, Func<Context, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var parsed = ParseCron(expression);
        var baseId = expression.Trim() + " " + zone.Id;
        int ordinal = 0;
        foreach (var existing in _registrations)
        {
            if (existing.Id.StartsWith(baseId + "#", StringComparison.Ordinal))
            {
                ordinal++;
            }
        }

        var registration = new ScheduleRegistration(baseId + "#" + ordinal, expression.Trim(), parsed, zone, handler);
        _registrations.Add(registration);
        return registration;
    }
}
