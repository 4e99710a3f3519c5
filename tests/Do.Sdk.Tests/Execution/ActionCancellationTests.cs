using Do.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Do.Tests.Execution;

/// <summary>A caller that gives up on a durable async verb: the action ends as failed ("cancelled by the caller"), never in limbo.</summary>
public sealed class ActionCancellationTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly FakeTimeProvider _clock = FakeClock.Create();

    public void Dispose() => _temp.Dispose();

    private Task<DoHost> StartAsync() => DoHost.StartAsync(o =>
    {
        o.DataPath = _temp.Path;
        o.TimeProvider = _clock;
        o.Actions = new ActionOptions { MaxRetries = 3, BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(10), UseJitter = false };
    });

    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Cancelling_the_caller_during_an_attempt_fails_the_action_without_a_state_change()
    {
        await using var host = await StartAsync();
        var obj = host.Object<Business>("https://jobs.example");
        var name = Unique("waiting");
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Job.Behaviours[name] = async (_, ctx) =>
        {
            started.TrySetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, ctx.Time, ctx.CancellationToken);
        };
        await obj.Jobs().Create(name, new Job { Name = name });
        using var cts = new CancellationTokenSource();

        var call = obj.Job(name).Run(cts.Token);
        await started.Task.WaitAsync(Wait.Guard);
        await cts.CancelAsync();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Contains("cancelled by the caller", error.Message, StringComparison.Ordinal);
        await AssertCancelledAsync(obj, name, attempts: 1);
    }

    [Fact]
    public async Task Cancelling_the_caller_during_backoff_fails_the_action_instead_of_leaving_it_retrying()
    {
        await using var host = await StartAsync();
        var obj = host.Object<Business>("https://jobs.example");
        var name = Unique("backing-off");
        var attempts = 0;
        Job.Behaviours[name] = (_, _) =>
        {
            Interlocked.Increment(ref attempts);
            throw new InvalidOperationException("upstream is down");
        };
        await obj.Jobs().Create(name, new Job { Name = name });
        using var cts = new CancellationTokenSource();

        var call = obj.Job(name).Run(cts.Token);
        await Wait.Until(() => Volatile.Read(ref attempts) == 1, "the first attempt failed and the backoff began");
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        await AssertCancelledAsync(obj, name, attempts: 1);
    }

    private static async Task AssertCancelledAsync(ObjectClient obj, string name, int attempts)
    {
        var action = await obj.Run(ctx => ctx.Actions.List(target: name).Single(a => a.Verb == "Run"));
        Assert.Equal(ActionStatus.Failed, action.Status);
        Assert.Equal(attempts, action.Attempts);
        Assert.Contains("cancelled by the caller", action.Error, StringComparison.Ordinal);
        Assert.Null(action.AfterVersion);
        Assert.Equal(0, (await obj.Job(name).Get()).Runs);
        Assert.Contains(await obj.Run(ctx => ctx.Events.List()), e => e.Type == "Job.failed" && e.Thing == name);
    }
}
