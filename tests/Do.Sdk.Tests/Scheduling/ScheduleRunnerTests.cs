using Do.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Do.Tests.Scheduling;

public sealed class ScheduleRunnerTests : IDisposable
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, List<DateTimeOffset>> s_runs = new();
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> s_fail = new();
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>Runs every day at 09:00 UTC and records when it ran.</summary>
    private sealed class Daily : Entity
    {
        protected override void Configure(Context ctx)
            => ctx.Every.Day.At9am(c =>
            {
                s_runs.GetOrAdd(c.Ns, _ => []).Add(c.Now);
                return s_fail.GetValueOrDefault(c.Ns) ? throw new InvalidOperationException("schedule handler failed") : Task.CompletedTask;
            });
    }

    /// <summary>Declares a daily schedule unless its namespace is in <see cref="s_undeclared"/>: a class whose schedules changed between activations.</summary>
    private sealed class Optional : Entity
    {
        protected override void Configure(Context ctx)
        {
            if (!s_undeclared.ContainsKey(ctx.Ns))
            {
                ctx.Every.Day.At9am(_ => Task.CompletedTask);
            }
        }
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> s_undeclared = new();

    private Task<DoHost> StartAsync(FakeTimeProvider clock) => DoHost.StartAsync(o =>
    {
        o.DataPath = _temp.Path;
        o.TimeProvider = clock;
        o.SchedulerInterval = TimeSpan.FromSeconds(1);
        o.IdleTimeout = TimeSpan.FromMinutes(1);
    });

    private static string Ns() => "https://daily.example/" + Guid.NewGuid().ToString("N")[..8];

    private static async Task AdvanceAsync(FakeTimeProvider clock, TimeSpan by, TimeSpan step)
    {
        for (var moved = TimeSpan.Zero; moved < by; moved += step)
        {
            clock.Advance(step);
            await Task.Delay(2);
        }
    }

    [Fact]
    public async Task An_inactive_object_is_woken_by_its_schedule()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
        await using var host = await StartAsync(clock);
        var ns = Ns();
        await host.Object<Daily>(ns).Run(_ => true); // create it; its schedule is persisted with the catalog's alarm
        Assert.True(await host.DeactivateAsync(ns));
        Assert.False(host.IsActive(ns));

        await AdvanceAsync(clock, TimeSpan.FromHours(1) + TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(1));
        await Wait.Until(() => s_runs.ContainsKey(ns), "the schedule ran");

        var run = Assert.Single(s_runs[ns]);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero), run, TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task A_daily_schedule_after_three_days_of_downtime_runs_once()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
        var ns = Ns();
        await using (var first = await StartAsync(clock))
        {
            await first.Object<Daily>(ns).Run(_ => true);
        }

        clock.SetUtcNow(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero)); // down across three 09:00 slots
        await using var second = await StartAsync(clock);
        clock.Advance(TimeSpan.FromSeconds(1));
        await Wait.Until(() => s_runs.ContainsKey(ns), "the schedule ran");
        await AdvanceAsync(clock, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(1));

        Assert.Single(s_runs[ns]);
        var schedule = Assert.Single(await second.Object<Daily>(ns).Schedules());
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero), schedule.NextDueAt);
        Assert.Equal("0 9 * * *", schedule.Cron);
    }

    [Fact]
    public async Task A_failing_schedule_handler_does_not_stop_the_schedule()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 8, 59, 0, TimeSpan.Zero));
        await using var host = await StartAsync(clock);
        var ns = Ns();
        s_fail[ns] = true;
        await host.Object<Daily>(ns).Run(_ => true);

        await AdvanceAsync(clock, TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(30));
        await Wait.Until(() => s_runs.ContainsKey(ns), "the schedule ran");
        await AdvanceAsync(clock, TimeSpan.FromDays(1), TimeSpan.FromMinutes(30));
        await Wait.Until(() => s_runs[ns].Count == 2, "the schedule ran again after its handler failed");

        Assert.Equal(2, s_runs[ns].Count);
    }

    [Fact]
    public void Next_fire_times_follow_the_named_time_zone_across_a_daylight_saving_change()
    {
        var every = new Every(TimeZoneInfo.Utc);
        var paris = every.Cron("0 9 * * *", "Europe/Paris", _ => Task.CompletedTask);

        // Paris leaves summer time on 2026-10-25: 09:00 local is 07:00Z before and 08:00Z after.
        var before = paris.NextAfter(new DateTimeOffset(2026, 10, 24, 0, 0, 0, TimeSpan.Zero));
        var after = paris.NextAfter(before!.Value);

        Assert.Equal(new DateTimeOffset(2026, 10, 24, 7, 0, 0, TimeSpan.Zero), before);
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 8, 0, 0, TimeSpan.Zero), after);
    }

    [Fact]
    public void A_slot_that_does_not_exist_on_the_spring_forward_day_fires_once_at_the_shifted_time()
    {
        var every = new Every(TimeZoneInfo.Utc);
        var early = every.Cron("30 2 * * *", "Europe/Paris", _ => Task.CompletedTask);

        // 2026-03-29 02:30 does not exist in Paris (clocks jump 02:00 -> 03:00); Cronos fires at 03:00 local (01:00Z).
        var next = early.NextAfter(new DateTimeOffset(2026, 3, 28, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), next);
    }

    [Theory]
    [InlineData("Monday.At9am", "0 9 * * 1")]
    [InlineData("Tuesday.At12am", "0 0 * * 2")]
    [InlineData("Wednesday.AtNoon", "0 12 * * 3")]
    [InlineData("Thursday.At11pm", "0 23 * * 4")]
    [InlineData("Friday.At5pm", "0 17 * * 5")]
    [InlineData("Saturday.AtMidnight", "0 0 * * 6")]
    [InlineData("Sunday.At6am", "0 6 * * 0")]
    [InlineData("Day.At(14,30)", "30 14 * * *")]
    [InlineData("Weekday.At9am", "0 9 * * 1-5")]
    [InlineData("Weekend.At10am", "0 10 * * 0,6")]
    [InlineData("Minute", "* * * * *")]
    [InlineData("Hour", "0 * * * *")]
    [InlineData("Minutes(15)", "*/15 * * * *")]
    [InlineData("Hours(6)", "0 */6 * * *")]
    [InlineData("Cron(*/5 * * * * *)", "*/5 * * * * *")]
    public void Every_form_maps_to_its_cron_expression(string form, string cron)
    {
        var every = new Every(TimeZoneInfo.Utc);
        Func<Context, Task> h = _ => Task.CompletedTask;
        var registration = form switch
        {
            "Monday.At9am" => every.Monday.At9am(h),
            "Tuesday.At12am" => every.Tuesday.At12am(h),
            "Wednesday.AtNoon" => every.Wednesday.AtNoon(h),
            "Thursday.At11pm" => every.Thursday.At11pm(h),
            "Friday.At5pm" => every.Friday.At5pm(h),
            "Saturday.AtMidnight" => every.Saturday.AtMidnight(h),
            "Sunday.At6am" => every.Sunday.At6am(h),
            "Day.At(14,30)" => every.Day.At(14, 30, h),
            "Weekday.At9am" => every.Weekday.At9am(h),
            "Weekend.At10am" => every.Weekend.At10am(h),
            "Minute" => every.Minute(h),
            "Hour" => every.Hour(h),
            "Minutes(15)" => every.Minutes(15, h),
            "Hours(6)" => every.Hours(6, h),
            _ => every.Cron("*/5 * * * * *", h),
        };

        Assert.Equal(cron, registration.Cron);
        Assert.NotNull(registration.NextAfter(DateTimeOffset.UnixEpoch)); // Cronos accepts it
    }

    [Fact]
    public async Task A_schedule_the_class_no_longer_declares_is_forgotten_on_the_next_activation()
    {
        // Activation skips its schedules' write transaction when nothing is declared and nothing is stored; a stored
        // schedule with nothing declared must still be deleted.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
        await using var host = await StartAsync(clock);
        var ns = Ns();
        var obj = host.Object<Optional>(ns);
        await obj.Run(_ => true);
        Assert.Single(await obj.Schedules());

        Assert.True(await host.DeactivateAsync(ns));
        s_undeclared[ns] = true;
        await obj.Run(_ => true);
        Assert.Empty(await obj.Schedules());
    }
}
