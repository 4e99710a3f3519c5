using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace Do.Testing.Tests;

/// <summary>DoTestHost: a host on a temp folder and a fake clock that skips from alarm to alarm.</summary>
public sealed class DoTestHostTests
{
    /// <summary>A guard, not a timing assertion: a hang fails the test after this long.</summary>
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    private static readonly DateTimeOffset Monday8am = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    private static readonly ConcurrentDictionary<string, ConcurrentQueue<DateTimeOffset>> s_runs = new();

    private static ConcurrentQueue<DateTimeOffset> Runs(string ns) => s_runs.GetOrAdd(ns, _ => new());

    private static string Ns(string name) => $"https://{name}.example/{Guid.NewGuid():N}";

    private static void StartMonday8am(DoHostOptions o) => ((FakeTimeProvider)o.TimeProvider).SetUtcNow(Monday8am);

    /// <summary>Runs every day at 09:00 UTC.</summary>
    private sealed class Daily : Entity
    {
        protected override void Configure(Context ctx) => ctx.Every.Day.At9am(c =>
        {
            Runs(c.Ns).Enqueue(c.Now);
            return Task.CompletedTask;
        });
    }

    /// <summary>Runs at the top of every hour.</summary>
    private sealed class Hourly : Entity
    {
        protected override void Configure(Context ctx) => ctx.Every.Hour(c =>
        {
            Runs(c.Ns).Enqueue(c.Now);
            return Task.CompletedTask;
        });
    }

    /// <summary>A durable action that fails twice, then succeeds; each attempt's time is recorded.</summary>
    private sealed class Flaky : Entity
    {
        protected override void Configure(Context ctx) => ctx.Define("flaky", (_, c) =>
        {
            Runs(c.Ns).Enqueue(c.Now);
            return c.Attempt < 3 ? throw new InvalidOperationException($"attempt {c.Attempt} fails") : Task.FromResult<string?>("\"done\"");
        });
    }

    /// <summary>Every hour, runs a durable action that reports who it acts for: the schedule.</summary>
    private sealed class Stamper : Entity
    {
        protected override void Configure(Context ctx)
        {
            ctx.Define("stamp", (_, c) =>
            {
                Actors(c.Ns).Enqueue(c.Actor);
                return Task.FromResult<string?>(null);
            });
            ctx.Every.Hour(c => c.Do("stamp"));
        }
    }

    private static readonly ConcurrentDictionary<string, ConcurrentQueue<string>> s_actors = new();

    private static ConcurrentQueue<string> Actors(string ns) => s_actors.GetOrAdd(ns, _ => new());

    /// <summary>A greeting handled in the background, whose handler writes to another object.</summary>
    private sealed class Greeter : Entity
    {
        public static readonly ConcurrentDictionary<string, TaskCompletionSource> Releases = new();

        protected override void Configure(Context ctx) => ctx.On.Subscribe("greeted", async (record, c) =>
        {
            await Releases[c.Ns].Task;
            await c.Object<Entity>(c.Ns + "-log").Run(log =>
            {
                Runs(log.Ns).Enqueue(log.Now);
                return true;
            });
        });
    }

    [Fact]
    public async Task A_daily_schedule_advanced_seven_days_runs_seven_times_at_nine_each_day()
    {
        await using var test = await DoTestHost.StartAsync(o =>
        {
            StartMonday8am(o);
            o.IdleTimeout = TimeSpan.FromMinutes(10); // deactivated between runs: the host must wake it each day
        });
        var ns = Ns("daily");
        await test.Object<Daily>(ns).Run(_ => true);

        await test.AdvanceAsync(TimeSpan.FromDays(7)).WaitAsync(Guard);

        Assert.Equal([.. Enumerable.Range(0, 7).Select(day => Monday8am.AddHours(1).AddDays(day))], Runs(ns));
        Assert.Equal(Monday8am.AddDays(7), test.Time.GetUtcNow());
    }

    [Fact]
    public async Task An_hourly_schedule_runs_on_every_hour_passed_and_not_before()
    {
        await using var test = await DoTestHost.StartAsync(o => ((FakeTimeProvider)o.TimeProvider).SetUtcNow(Monday8am.AddMinutes(30)));
        var ns = Ns("hourly");
        await test.Object<Hourly>(ns).Run(_ => true);

        await test.AdvanceAsync(TimeSpan.FromMinutes(29)).WaitAsync(Guard);
        Assert.Empty(Runs(ns));

        await test.AdvanceAsync(TimeSpan.FromHours(5)).WaitAsync(Guard);

        Assert.Equal([.. Enumerable.Range(1, 5).Select(h => Monday8am.AddHours(h))], Runs(ns));
    }

    [Fact]
    public async Task A_durable_action_retried_with_backoff_completes_under_AdvanceAsync_with_each_attempt_at_its_backoff()
    {
        await using var test = await DoTestHost.StartAsync(o =>
        {
            StartMonday8am(o);
            o.Actions.BaseDelay = TimeSpan.FromSeconds(1);
            o.Actions.UseJitter = false;
        });
        var ns = Ns("flaky");

        var call = test.Object<Flaky>(ns).Run(c => c.Do("flaky"));
        await test.AdvanceAsync(TimeSpan.FromMinutes(1)).WaitAsync(Guard);

        Assert.True(call.IsCompletedSuccessfully, "the action finished while time was advanced");
        Assert.Equal("\"done\"", await call);
        // Exponential backoff of 1 s then 2 s: the fake clock stopped at each retry's own time.
        Assert.Equal([Monday8am, Monday8am.AddSeconds(1), Monday8am.AddSeconds(3)], Runs(ns));
        Assert.Equal(Monday8am.AddMinutes(1), test.Time.GetUtcNow());
    }

    [Fact]
    public async Task A_schedule_acts_as_schedule_and_its_id_and_its_actions_record_that_actor()
    {
        await using var test = await DoTestHost.StartAsync(StartMonday8am);
        var ns = Ns("stamper");
        var stamper = test.Object<Stamper>(ns);
        await stamper.Run(_ => true);

        await test.AdvanceAsync(TimeSpan.FromHours(2)).WaitAsync(Guard);

        var schedule = Assert.Single(await stamper.Schedules());
        var actor = "schedule:" + schedule.Id;
        Assert.Equal([actor, actor], Actors(ns));
        var stamps = await stamper.Actions(new ActionFilter { Verb = "stamp" });
        Assert.Equal(2, stamps.Count);
        Assert.All(stamps, a => Assert.Equal((actor, ActionStatus.Completed), (a.Actor, a.Status)));
        Assert.Equal(stamps, (await stamper.Actions(new ActionFilter { Actor = actor })).Where(a => a.Verb == "stamp"));
    }

    [Fact]
    public async Task WhenIdle_returns_after_background_handlers_and_the_calls_they_make_have_finished()
    {
        await using var test = await DoTestHost.StartAsync();
        var ns = Ns("greeter");
        Greeter.Releases[ns] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await test.Object<Greeter>(ns).Run(c =>
        {
            c.Send("greeted");
            return true;
        });

        var idle = test.WhenIdleAsync();
        Greeter.Releases[ns].SetResult();
        await idle.WaitAsync(Guard);

        Assert.Single(Runs(ns + "-log"));
    }

    [Fact]
    public async Task The_temp_folder_holds_the_data_and_is_deleted_on_dispose()
    {
        var test = await DoTestHost.StartAsync();
        await test.Object<Daily>(Ns("daily")).Run(_ => true);
        var folder = test.DataPath;
        Assert.True(File.Exists(Path.Combine(folder, "catalog.db")));
        Assert.StartsWith(Path.GetTempPath(), folder, StringComparison.Ordinal);

        await test.DisposeAsync();

        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public async Task Replacing_the_clock_in_configure_is_refused_with_the_way_to_set_a_start_time()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => DoTestHost.StartAsync(o => o.TimeProvider = TimeProvider.System));

        Assert.Equal("configure", error.ParamName);
        Assert.Contains("SetUtcNow", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Advancing_by_a_negative_duration_is_refused()
    {
        await using var test = await DoTestHost.StartAsync();

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => test.AdvanceAsync(TimeSpan.FromSeconds(-1)));

        Assert.Contains("-00:00:01", error.Message, StringComparison.Ordinal);
    }
}
