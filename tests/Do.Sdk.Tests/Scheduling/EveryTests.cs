using System.Collections.Concurrent;
using Do.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Do.Tests.Scheduling;

public sealed class EveryTests
{
    // A Monday.
    private static readonly DateTimeOffset Monday8am = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private static readonly Func<Context, Task> Nothing = _ => Task.CompletedTask;

    private static Every Utc() => new(TimeZoneInfo.Utc);

    public static TheoryData<string, Func<Every, ScheduleRegistration>> Forms => new()
    {
        { "0 9 * * 1", e => e.Monday.At9am(Nothing) },
        { "30 14 * * 1-5", e => e.Weekday.At(14, 30, Nothing) },
        { "*/15 * * * *", e => e.Minutes(15, Nothing) },
        { "* * * * *", e => e.Minutes(1, Nothing) },
        { "* * * * *", e => e.Minute(Nothing) },
        { "0 */2 * * *", e => e.Hours(2, Nothing) },
        { "0 * * * *", e => e.Hours(1, Nothing) },
        { "0 * * * *", e => e.Hour(Nothing) },
        { "0 12 * * *", e => e.Day.AtNoon(Nothing) },
        { "0 0 * * 0,6", e => e.Weekend.AtMidnight(Nothing) },
        { "0 23 * * 0", e => e.Sunday.At11pm(Nothing) },
        { "0 0 * * 2", e => e.Tuesday.At12am(Nothing) },
        { "0 12 * * 3", e => e.Wednesday.At12pm(Nothing) },
        { "0 17 * * 4", e => e.Thursday.At5pm(Nothing) },
        { "0 6 * * 5", e => e.Friday.At6am(Nothing) },
        { "0 13 * * 6", e => e.Saturday.At1pm(Nothing) },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public void EachForm_IsACronExpression(string cron, Func<Every, ScheduleRegistration> declare)
    {
        var every = Utc();

        var registration = declare(every);

        Assert.Equal(cron, registration.Cron);
        Assert.Same(TimeZoneInfo.Utc, registration.TimeZone);
        Assert.Equal([registration], every.Registrations);
    }

    [Fact]
    public void CronAt_RendersWithoutRegistering()
    {
        var every = Utc();

        Assert.Equal("5 7 * * 1-5", every.Weekday.CronAt(7, 5));
        Assert.Empty(every.Registrations);
    }

    [Fact]
    public void NextAfter_FollowsTheExpression()
    {
        var every = Utc();

        Assert.Equal(Monday8am.AddHours(1), every.Monday.At9am(Nothing).NextAfter(Monday8am));
        Assert.Equal(Monday8am.AddDays(7).AddHours(1), every.Monday.At9am(Nothing).NextAfter(Monday8am.AddHours(1)));
        Assert.Equal(Monday8am.AddMinutes(15), every.Minutes(15, Nothing).NextAfter(Monday8am));
        Assert.Equal(Monday8am.AddHours(2), every.Hours(2, Nothing).NextAfter(Monday8am));
        Assert.Equal(Monday8am.AddHours(6).AddMinutes(30), every.Weekday.At(14, 30, Nothing).NextAfter(Monday8am));
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero), every.Weekend.AtMidnight(Nothing).NextAfter(Monday8am));
    }

    [Fact]
    public void Cron_WithSixFields_HasSeconds()
    {
        var registration = Utc().Cron("*/30 * * * * *", Nothing);

        Assert.Equal(Monday8am.AddSeconds(30), registration.NextAfter(Monday8am));
        Assert.Equal("*/30 * * * * *", registration.Cron);
    }

    [Fact]
    public void Cron_InANamedTimeZone_IsReadInThatZone()
    {
        var registration = Utc().Cron("0 9 * * *", "Europe/Paris", Nothing);

        Assert.Equal("Europe/Paris", registration.TimeZone.Id);
        Assert.Equal(Monday8am, registration.NextAfter(Monday8am.AddHours(-1))); // 09:00 in Paris is 08:00 UTC in November
    }

    [Fact]
    public void Cron_InTheHostsDefaultZone()
    {
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

        var registration = new Every(paris).Monday.At9am(Nothing);

        Assert.Same(paris, registration.TimeZone);
        Assert.Equal(Monday8am, registration.NextAfter(Monday8am.AddHours(-1)));
    }

    [Fact]
    public void Cron_InAnUnknownTimeZone_NamesIt()
    {
        var e = Assert.Throws<ArgumentException>(() => Utc().Cron("0 9 * * *", "Mars/Olympus", Nothing));

        Assert.Contains("\"Mars/Olympus\"", e.Message, StringComparison.Ordinal);
        Assert.Equal("timeZone", e.ParamName);
    }

    [Theory]
    [InlineData("61 * * * *")]
    [InlineData("not cron")]
    [InlineData("* * *")]
    [InlineData("* * * * * * *")]
    [InlineData("0 9 * * Funday")]
    [InlineData("")]
    public void Cron_Invalid_ThrowsArgumentException_NamingTheExpression(string expression)
    {
        var every = Utc();

        var e = Assert.Throws<ArgumentException>(() => every.Cron(expression, Nothing));

        Assert.Contains($"\"{expression}\" is not a valid cron expression", e.Message, StringComparison.Ordinal);
        Assert.Contains("e.g. \"0 9 * * 1\"", e.Message, StringComparison.Ordinal);
        Assert.Empty(every.Registrations);
    }

    [Fact]
    public void ParseCron_RejectsNull()
    {
        Assert.Throws<ArgumentNullException>(() => Every.ParseCron(null!));
    }

    [Fact]
    public void OutOfRangeArguments_AreRejected()
    {
        var every = Utc();

        Assert.Throws<ArgumentOutOfRangeException>(() => every.Minutes(0, Nothing));
        Assert.Throws<ArgumentOutOfRangeException>(() => every.Minutes(60, Nothing));
        Assert.Throws<ArgumentOutOfRangeException>(() => every.Hours(0, Nothing));
        Assert.Throws<ArgumentOutOfRangeException>(() => every.Hours(24, Nothing));
        Assert.Throws<ArgumentOutOfRangeException>(() => every.Day.At(24, 0, Nothing));
        Assert.Throws<ArgumentOutOfRangeException>(() => every.Day.At(-1, 0, Nothing));
        Assert.Throws<ArgumentOutOfRangeException>(() => every.Day.At(0, 60, Nothing));
        Assert.Throws<ArgumentNullException>(() => every.Hour(null!));
        Assert.Empty(every.Registrations);
    }

    [Fact]
    public void Ids_AreStable_AcrossDeclarations_AndDistinctForRepeats()
    {
        static IReadOnlyList<string> Declare()
        {
            var every = Utc();
            every.Monday.At9am(Nothing);
            every.Minutes(15, Nothing);
            every.Monday.At9am(Nothing);
            every.Cron(" 0 9 * * 1 ", Nothing);
            every.Cron("0 9 * * 1", "Europe/Paris", Nothing);
            return [.. every.Registrations.Select(r => r.Id)];
        }

        var first = Declare();
        var second = Declare();

        Assert.Equal(first, second);
        Assert.Equal(["0 9 * * 1 UTC#0", "*/15 * * * * UTC#0", "0 9 * * 1 UTC#1", "0 9 * * 1 UTC#2", "0 9 * * 1 Europe/Paris#0"], first);
    }

    private sealed class Scheduled : Business
    {
        public static readonly ConcurrentDictionary<string, bool> WithHourly = new(StringComparer.Ordinal);

        protected override void Configure(Context ctx)
        {
            ctx.Every.Monday.At9am(_ => Task.CompletedTask);
            ctx.Every.Cron("0 9 * * *", "Europe/Paris", _ => Task.CompletedTask);
            if (WithHourly.GetValueOrDefault(ctx.Ns))
            {
                ctx.Every.Hour(_ => Task.CompletedTask);
            }
        }
    }

    [Fact]
    public async Task Schedules_ArePersistedAtActivation_WithTheirNextDueTime_AndKeptAcrossRestarts()
    {
        using var temp = new TempFolder();
        var time = new FakeTimeProvider(Monday8am);
        var ns = Journal.NewNamespace("scheduled");
        Scheduled.WithHourly[ns] = true;
        string file;
        await using (var host = await DoHost.StartAsync(o =>
        {
            o.DataPath = temp.Path;
            o.TimeProvider = time;
        }))
        {
            file = await host.Object<Scheduled>(ns).DatabasePath();
        }

        Assert.Equal(
            [
                ["0 * * * * UTC#0", "0 * * * *", "UTC", Monday8am.AddHours(1).ToUnixTimeMilliseconds(), Monday8am.ToUnixTimeMilliseconds()],
                ["0 9 * * * Europe/Paris#0", "0 9 * * *", "Europe/Paris", Monday8am.AddDays(1).ToUnixTimeMilliseconds(), Monday8am.ToUnixTimeMilliseconds()],
                ["0 9 * * 1 UTC#0", "0 9 * * 1", "UTC", Monday8am.AddHours(1).ToUnixTimeMilliseconds(), Monday8am.ToUnixTimeMilliseconds()],
            ],
            Sql.Rows(file, "SELECT id, cron, time_zone, next_due_at, created_at FROM schedules ORDER BY id"));

        // Two days later the hourly schedule is gone from Configure: its row goes; the others keep their due time.
        time.Advance(TimeSpan.FromDays(2));
        Scheduled.WithHourly[ns] = false;
        await using (var host = await DoHost.StartAsync(o =>
        {
            o.DataPath = temp.Path;
            o.TimeProvider = time;
        }))
        {
            await host.Object<Scheduled>(ns).Run(_ => 0);
        }

        Assert.Equal(
            [
                ["0 9 * * * Europe/Paris#0", Monday8am.AddDays(1).ToUnixTimeMilliseconds()],
                ["0 9 * * 1 UTC#0", Monday8am.AddHours(1).ToUnixTimeMilliseconds()],
            ],
            Sql.Rows(file, "SELECT id, next_due_at FROM schedules ORDER BY id"));
    }
}
