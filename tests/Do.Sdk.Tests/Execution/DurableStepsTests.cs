using System.Collections.Concurrent;
using Do.Storage;
using Do.Testing;
using Do.Tests.Support;

namespace Do.Tests.Execution;

/// <summary>ctx.Step / Sleep / WaitFor and ObjectClient.Signal on a real host with a fake clock and real SQLite files.</summary>
public sealed class DurableStepsTests
{
    private static readonly ConcurrentDictionary<string, int> s_runs = new();

    private static string Unique(string name) => name + "-" + Guid.NewGuid().ToString("N")[..8];

    private static Task<DoTestHost> StartAsync()
        => DoTestHost.StartAsync(o => o.Actions = new ActionOptions { MaxRetries = 2, BaseDelay = TimeSpan.FromSeconds(1), UseJitter = false });

    private static async Task<ActionRecord> WaitingAction(ObjectClient obj)
    {
        ActionRecord? waiting = null;
        await Wait.UntilAsync(async () => (waiting = (await obj.Run(ctx => ctx.Actions.List())).FirstOrDefault(a => a.Status == ActionStatus.Waiting)) is not null, "the action waits");
        return waiting!;
    }

    [Fact]
    public async Task A_three_day_sleep_resumes_when_the_clock_reaches_it_and_its_earlier_step_runs_once()
    {
        await using var host = await StartAsync();
        var obj = host.Object<Business>(Journal.NewNamespace("sleep"));
        var name = Unique("remind");
        var started = host.Time.GetUtcNow();
        DateTimeOffset? woke = null;
        Job.Behaviours[name] = async (_, ctx) =>
        {
            await ctx.Step("prepare", _ => Task.FromResult(s_runs.AddOrUpdate(name, 1, (_, n) => n + 1)));
            await ctx.Sleep(TimeSpan.FromDays(3));
            woke = ctx.Now;
        };
        await obj.Jobs().Create(name, new Job { Name = name });

        var run = obj.Job(name).Run();
        var waiting = await WaitingAction(obj);
        await host.AdvanceAsync(TimeSpan.FromDays(2));
        Assert.False(run.IsCompleted, "the sleep ended a day early");

        await host.AdvanceAsync(TimeSpan.FromDays(1));
        await run.WaitAsync(Wait.Guard);

        Assert.Equal(1, s_runs[name]);
        Assert.True(woke - started >= TimeSpan.FromDays(3), $"woke after {woke - started}");
        Assert.Equal(1, (await obj.Job(name).Get()).Runs);
        var action = await obj.Run(ctx => ctx.Actions.Get(waiting.Id)!);
        Assert.Equal((ActionStatus.Completed, 1), (action.Status, action.Attempts));
    }

    [Fact]
    public async Task WaitFor_returns_the_value_sent_with_Signal_and_the_turn_is_free_meanwhile()
    {
        await using var host = await StartAsync();
        var obj = host.Object<Business>(Journal.NewNamespace("signal"));
        var name = Unique("approve");
        string? received = null;
        Job.Behaviours[name] = async (_, ctx) => received = await ctx.WaitFor<string>("go", TimeSpan.FromHours(1));
        await obj.Jobs().Create(name, new Job { Name = name });

        var run = obj.Job(name).Run();
        var waiting = await WaitingAction(obj);

        // The turn is free: another verb runs to completion while the first action waits.
        var other = Unique("other");
        await obj.Jobs().Create(other, new Job { Name = other });
        await obj.Job(other).Run().WaitAsync(Wait.Guard);
        Assert.Equal(1, (await obj.Job(other).Get()).Runs);
        Assert.False(run.IsCompleted);

        Assert.True(await obj.Signal(waiting.Id, "go", "ship it"));
        await run.WaitAsync(Wait.Guard);

        Assert.Equal("ship it", received);
        Assert.Equal(1, (await obj.Job(name).Get()).Runs);
    }

    [Fact]
    public async Task A_signal_sent_before_the_wait_is_kept_for_it()
    {
        await using var host = await StartAsync();
        var obj = host.Object<Business>(Journal.NewNamespace("early"));
        var name = Unique("early");
        int? received = null;
        Job.Behaviours[name] = async (_, ctx) =>
        {
            await ctx.Sleep(TimeSpan.FromMinutes(5));
            received = await ctx.WaitFor<int>("count", Timeout.InfiniteTimeSpan);
        };
        await obj.Jobs().Create(name, new Job { Name = name });

        var run = obj.Job(name).Run();
        var waiting = await WaitingAction(obj);
        Assert.False(await obj.Signal(waiting.Id, "count", 42)); // kept: the action sleeps, it does not wait on "count" yet
        await host.AdvanceAsync(TimeSpan.FromMinutes(5));
        await run.WaitAsync(Wait.Guard);

        Assert.Equal(42, received);
    }

    [Fact]
    public async Task A_WaitFor_that_times_out_fails_the_action_with_SignalTimeoutException()
    {
        await using var host = await StartAsync();
        var obj = host.Object<Business>(Journal.NewNamespace("timeout"));
        var name = Unique("late");
        Job.Behaviours[name] = async (_, ctx) => await ctx.WaitFor<bool>("ok", TimeSpan.FromHours(2));
        await obj.Jobs().Create(name, new Job { Name = name });

        var run = obj.Job(name).Run();
        var waiting = await WaitingAction(obj);
        await host.AdvanceAsync(TimeSpan.FromHours(2));

        var error = await Assert.ThrowsAsync<ActionFailedException>(() => run.WaitAsync(Wait.Guard));
        Assert.IsType<SignalTimeoutException>(error.InnerException);
        Assert.Equal(1, error.Attempts); // journaled: not retried
        Assert.Equal(ActionStatus.Failed, (await obj.Run(ctx => ctx.Actions.Get(waiting.Id)!)).Status);
        Assert.Equal(0, (await obj.Job(name).Get()).Runs);
        await Assert.ThrowsAsync<InvalidOperationException>(() => obj.Signal(waiting.Id, "ok", true));
    }

    [Fact]
    public async Task After_a_failed_attempt_the_retry_replays_journaled_steps_instead_of_running_them()
    {
        await using var host = await StartAsync();
        var obj = host.Object<Business>(Journal.NewNamespace("retry"));
        var name = Unique("charge");
        var attempts = 0;
        Job.Behaviours[name] = async (_, ctx) =>
        {
            var receipt = await ctx.Step("charge", _ => Task.FromResult($"receipt-{s_runs.AddOrUpdate(name, 1, (_, n) => n + 1)}"));
            Assert.Equal("receipt-1", receipt);
            if (++attempts == 1)
            {
                throw new TimeoutException("the mailer timed out");
            }
        };
        await obj.Jobs().Create(name, new Job { Name = name });

        var run = obj.Job(name).Run();
        await host.AdvanceAsync(TimeSpan.FromSeconds(5));
        await run.WaitAsync(Wait.Guard);

        Assert.Equal((1, 2), (s_runs[name], attempts));
    }

    [Fact]
    public async Task Sleep_outside_a_durable_action_names_where_it_can_be_used()
    {
        await using var host = await StartAsync();
        var obj = host.Object<Business>(Journal.NewNamespace("outside"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => obj.Run(ctx => ctx.Sleep(TimeSpan.FromSeconds(1))));

        Assert.Contains("durable action", error.Message);
        Assert.Contains("ctx.Sleep", error.Message);
    }

    [Fact]
    public async Task A_replay_that_calls_other_steps_fails_with_StepMismatchException()
    {
        await using var host = await StartAsync();
        var obj = host.Object<Business>(Journal.NewNamespace("mismatch"));
        var name = Unique("drift");
        var run = 0;
        Job.Behaviours[name] = async (_, ctx) =>
        {
            await ctx.Step(++run == 1 ? "a" : "b", _ => Task.FromResult(1));
            await ctx.Sleep(TimeSpan.FromMinutes(1));
        };
        await obj.Jobs().Create(name, new Job { Name = name });

        var call = obj.Job(name).Run();
        await WaitingAction(obj);
        await host.AdvanceAsync(TimeSpan.FromMinutes(1));

        var error = await Assert.ThrowsAsync<ActionFailedException>(() => call.WaitAsync(Wait.Guard));
        Assert.IsType<StepMismatchException>(error.InnerException);
        Assert.Contains("\"step a\"", error.InnerException!.Message);
    }
}
