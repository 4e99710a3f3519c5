using Do.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Do.Tests.Execution;

public sealed class VerbExecutionTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly FakeTimeProvider _clock = FakeClock.Create();

    public void Dispose() => _temp.Dispose();

    private Task<DoHost> StartAsync(int retries = 3, TimeSpan? timeout = null)
        => DoHost.StartAsync(o =>
        {
            o.DataPath = _temp.Path;
            o.TimeProvider = _clock;
            o.Actions = new ActionOptions { MaxRetries = retries, BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(10), UseJitter = false, Timeout = timeout ?? TimeSpan.FromSeconds(30) };
        });

    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    private static async Task<(long Versions, long Events)> CountsAsync(ObjectClient client, string id)
        => await client.Run(ctx => (
            (long)ctx.Things.History("Job", id).Count,
            (long)ctx.Events.List().Count(e => e.Thing == id && e.Type == "Job.ran")));

    [Fact]
    public async Task A_durable_async_verb_is_retried_with_backoff_until_it_succeeds()
    {
        await using var host = await StartAsync();
        var obj = host.Object<Business>("https://jobs.example");
        var name = Unique("flaky");
        var attempts = 0;
        var keys = new List<long?>();
        Job.Behaviours[name] = (_, ctx) =>
        {
            keys.Add(ctx.ActionId);
            return ++attempts < 3 ? throw new InvalidOperationException("upstream is down") : Task.CompletedTask;
        };
        await obj.Jobs().Create(name, new Job { Name = name });

        await _clock.DriveAsync(obj.Job(name).Run(), TimeSpan.FromMilliseconds(500));

        Assert.Equal(3, attempts);
        Assert.Equal(1, (await obj.Job(name).Get()).Runs);
        var action = await obj.Run(ctx => ctx.Actions.List(target: name)[0]);
        Assert.Equal(ActionStatus.Completed, action.Status);
        Assert.Equal(3, action.Attempts);
        Assert.Equal(Durability.Do, action.Durability);
        Assert.NotNull(action.AfterVersion);
        Assert.All(keys, k => Assert.Equal(action.Id, k)); // the idempotency key is stable across retries
        Assert.Equal((2L, 1L), await CountsAsync(obj, name)); // create + one run; one ran event
    }

    [Fact]
    public async Task Backoff_waits_on_the_host_clock_between_attempts()
    {
        await using var host = await StartAsync(retries: 2);
        var obj = host.Object<Business>("https://jobs.example");
        var name = Unique("timed");
        var seen = new List<DateTimeOffset>();
        Job.Behaviours[name] = (_, ctx) =>
        {
            seen.Add(ctx.Now);
            return seen.Count < 3 ? throw new InvalidOperationException("again") : Task.CompletedTask;
        };
        await obj.Jobs().Create(name, new Job { Name = name });

        await _clock.DriveAsync(obj.Job(name).Run(), TimeSpan.FromMilliseconds(250));

        // Exponential backoff without jitter: 1 s, then 2 s.
        Assert.Equal(3, seen.Count);
        Assert.InRange(seen[1] - seen[0], TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.5));
        Assert.InRange(seen[2] - seen[1], TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2.5));
    }

    [Fact]
    public async Task After_the_last_failed_attempt_the_action_fails_with_an_event_and_no_state_change()
    {
        await using var host = await StartAsync(retries: 2);
        var obj = host.Object<Business>("https://jobs.example");
        var name = Unique("broken");
        Job.Behaviours[name] = (_, _) => throw new InvalidOperationException("card declined");
        await obj.Jobs().Create(name, new Job { Name = name });

        var error = await Assert.ThrowsAsync<ActionFailedException>(() => _clock.DriveAsync(obj.Job(name).Run(), TimeSpan.FromMilliseconds(500)));

        Assert.Equal(3, error.Attempts);
        Assert.Contains("card declined", error.Message, StringComparison.Ordinal);
        var action = await obj.Run(ctx => ctx.Actions.Get(error.ActionId)!);
        Assert.Equal(ActionStatus.Failed, action.Status);
        Assert.Equal("card declined", action.Error);
        Assert.Null(action.AfterVersion);
        Assert.Equal(0, (await obj.Job(name).Get()).Runs);
        var failed = await obj.Run(ctx => ctx.Events.List().Where(e => e.Type == "Job.failed" && e.Thing == name).ToList());
        var failure = Assert.Single(failed);
        Assert.Contains("card declined", failure.Data, StringComparison.Ordinal);
        Assert.Equal((1L, 0L), await CountsAsync(obj, name));
    }

    [Fact]
    public async Task An_attempt_that_outlives_the_timeout_is_cancelled_and_counts_as_failed()
    {
        await using var host = await StartAsync(retries: 1, timeout: TimeSpan.FromSeconds(5));
        var obj = host.Object<Business>("https://jobs.example");
        var name = Unique("slow");
        var cancelled = 0;
        Job.Behaviours[name] = async (_, ctx) =>
        {
            try
            {
                await Task.Delay(TimeSpan.FromMinutes(10), ctx.Time, ctx.CancellationToken);
            }
            catch (OperationCanceledException)
            {
                cancelled++;
                throw;
            }
        };
        await obj.Jobs().Create(name, new Job { Name = name });

        var error = await Assert.ThrowsAsync<ActionFailedException>(() => _clock.DriveAsync(obj.Job(name).Run(), TimeSpan.FromSeconds(1)));

        Assert.Equal(2, error.Attempts);
        Assert.Equal(2, cancelled);
        Assert.IsType<Polly.Timeout.TimeoutRejectedException>(error.InnerException);
    }

    [Fact]
    public async Task Try_runs_one_attempt_and_records_its_failure_without_retrying()
    {
        await using var host = await StartAsync(retries: 5);
        var obj = host.Object<Business>("https://jobs.example");
        var name = Unique("try");
        var attempts = 0;
        Job.Behaviours[name] = (_, _) =>
        {
            attempts++;
            throw new InvalidOperationException("nope");
        };
        await obj.Jobs().Create(name, new Job { Name = name });

        var error = await Assert.ThrowsAsync<ActionFailedException>(() => obj.Job(name).AsTry().Run());

        Assert.Equal(1, attempts);
        var action = await obj.Run(ctx => ctx.Actions.Get(error.ActionId)!);
        Assert.Equal(Durability.Try, action.Durability);
        Assert.Equal(ActionStatus.Failed, action.Status);
        Assert.Empty(await obj.Run(ctx => ctx.Actions.Open()));
    }

    [Fact]
    public async Task Try_that_succeeds_commits_state_action_and_event_together()
    {
        await using var host = await StartAsync();
        var obj = host.Object<Business>("https://jobs.example");
        var name = Unique("try-ok");
        await obj.Jobs().Create(name, new Job { Name = name });

        await obj.Job(name).AsTry().Run();

        Assert.Equal(1, (await obj.Job(name).Get()).Runs);
        var action = await obj.Run(ctx => ctx.Actions.List(target: name)[0]);
        Assert.Equal(Durability.Try, action.Durability);
        Assert.Equal(ActionStatus.Completed, action.Status);
    }

    [Fact]
    public async Task Send_returns_before_the_verb_runs_and_the_verb_still_commits()
    {
        await using var host = await StartAsync();
        var obj = host.Object<Business>("https://jobs.example");
        var name = Unique("send");
        var gate = new TaskCompletionSource();
        Job.Behaviours[name] = async (_, _) => await gate.Task;
        await obj.Jobs().Create(name, new Job { Name = name });

        var sent = obj.Job(name).AsSend().Run();

        Assert.True(sent.IsCompletedSuccessfully); // returned at once, while the verb waits on the gate
        gate.SetResult();
        await Wait.UntilAsync(async () => (await obj.Job(name).Get()).Runs > 0, "the sent verb committed");

        Assert.Equal(1, (await obj.Job(name).Get()).Runs);
    }

    [Fact]
    public async Task A_verb_sent_from_inside_its_objects_turn_runs_after_that_turn_not_beside_it()
    {
        await using var host = await StartAsync();
        var obj = host.Object<Business>("https://jobs.example");
        var kicker = Unique("kicker");
        var sent = Unique("sent");
        var release = new TaskCompletionSource();
        var order = new System.Collections.Concurrent.ConcurrentQueue<string>();
        Job.Behaviours[kicker] = async (_, ctx) =>
        {
            await ctx.Job(sent).AsSend().Run();
            order.Enqueue("kicker sent");
            await release.Task;
            order.Enqueue("kicker done");
        };
        Job.Behaviours[sent] = (_, _) =>
        {
            order.Enqueue("sent ran");
            return Task.CompletedTask;
        };
        await obj.Jobs().Create(kicker, new Job { Name = kicker });
        await obj.Jobs().Create(sent, new Job { Name = sent });

        var kick = obj.Job(kicker).Run();
        await Wait.Until(() => order.Contains("kicker sent"), "the kicker sent its verb");
        release.SetResult();
        await kick;
        await Wait.UntilAsync(async () => (await obj.Job(sent).Get()).Runs > 0, "the sent verb committed");

        // Sent from inside the kicker's turn, the verb waited for that turn to end: it did not run in it, nor beside it
        // on the same database while the kicker still held the object.
        Assert.Equal(["kicker sent", "kicker done", "sent ran"], order);
        Assert.Equal(1, (await obj.Job(kicker).Get()).Runs);
    }

    [Fact]
    public async Task A_verb_sent_just_before_the_host_stops_still_runs_before_the_host_has_stopped()
    {
        var name = Unique("sent");
        const string Ns = "https://jobs.example";
        await using (var host = await StartAsync())
        {
            await host.Object<Business>(Ns).Jobs().Create(name, new Job { Name = name });

            await host.Object<Business>(Ns).Job(name).AsSend().Run();
        }

        await using var reopened = await StartAsync();
        Assert.Equal(1, (await reopened.Object<Business>(Ns).Job(name).Get()).Runs);
    }

    [Fact]
    public async Task A_verb_sent_from_a_turn_while_the_host_stops_still_runs_before_the_host_has_stopped()
    {
        var kicker = Unique("kicker");
        var sent = Unique("sent");
        var entered = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        const string Ns = "https://jobs.example";
        await using (var host = await StartAsync())
        {
            var obj = host.Object<Business>(Ns);
            Job.Behaviours[kicker] = async (_, ctx) =>
            {
                entered.SetResult();
                await release.Task;
                await ctx.Job(sent).AsSend().Run();
            };
            await obj.Jobs().Create(kicker, new Job { Name = kicker });
            await obj.Jobs().Create(sent, new Job { Name = sent });
            var kick = obj.Job(kicker).Run();
            await entered.Task.WaitAsync(Wait.Guard);

            // The host starts stopping while the kicker's turn is in flight; then the kicker sends its verb.
            var stopping = host.DisposeAsync().AsTask();
            release.SetResult();
            await kick.WaitAsync(Wait.Guard);
            await stopping.WaitAsync(Wait.Guard);
        }

        await using var reopened = await StartAsync();
        Assert.Equal(1, (await reopened.Object<Business>(Ns).Job(sent).Get()).Runs);
    }

    [Fact]
    public async Task A_call_from_work_a_turn_left_running_waits_for_the_turn_that_holds_the_object_now()
    {
        await using var host = await StartAsync();
        var obj = host.Object<Business>("https://jobs.example");
        var kicker = Unique("kicker");
        var holder = Unique("holder");
        var other = Unique("other");
        var forkGo = new TaskCompletionSource();
        var holderRelease = new TaskCompletionSource();
        Task? fork = null;
        var order = new System.Collections.Concurrent.ConcurrentQueue<string>();
        Job.Behaviours[kicker] = (_, ctx) =>
        {
            // Forked inside the kicker's turn and left running: it still carries that turn's call chain.
            fork = Task.Run(async () =>
            {
                await forkGo.Task;
                await ctx.Job(other).Run();
            });
            return Task.CompletedTask;
        };
        Job.Behaviours[holder] = async (_, _) =>
        {
            order.Enqueue("holder in");
            await holderRelease.Task;
            order.Enqueue("holder done");
        };
        Job.Behaviours[other] = (_, _) =>
        {
            order.Enqueue("other ran");
            return Task.CompletedTask;
        };
        foreach (var name in new[] { kicker, holder, other })
        {
            await obj.Jobs().Create(name, new Job { Name = name });
        }

        await obj.Job(kicker).Run();
        var hold = obj.Job(holder).Run();
        await Wait.Until(() => order.Contains("holder in"), "another turn holds the object");
        forkGo.SetResult();
        await Wait.Until(() => order.Contains("other ran") || host.Waits.Count > 0, "the forked call ran or waits for a turn");
        holderRelease.SetResult();
        await hold;
        await fork!;

        // The kicker's turn had ended: the forked call took a turn of its own after the holder's, instead of running as
        // part of a turn that no longer existed, beside the holder, on the same database.
        Assert.Equal(["holder in", "holder done", "other ran"], order);
    }

    [Fact]
    public async Task A_crash_between_pending_and_commit_is_resumed_at_the_next_start()
    {
        var name = Unique("resume");
        const string Ns = "https://jobs.example";
        await using (var first = await StartAsync())
        {
            await first.Object<Business>(Ns).Jobs().Create(name, new Job { Name = name });
        }

        // Simulate a process that died after committing the pending action: write it as the runtime would.
        var file = Directory.GetFiles(Path.Combine(_temp.Path, "objects"), "*.db", SearchOption.AllDirectories).Single();
        long actionId;
        using (var db = Do.Storage.ObjectDatabase.Open(file, ObjectNamespace.Parse(Ns), time: _clock))
        {
            var nounId = db.NounId("Job");
            var head = db.Things.Get("Job", name)!;
            actionId = db.Actions.InsertPending("Run", null, name, nounId, 1, null, head.Version, Durability.Do);
        }

        using (var catalog = new SqliteConnection($"Data Source={Path.Combine(_temp.Path, "catalog.db")};Pooling=False"))
        {
            catalog.Open();
            using var command = catalog.CreateCommand();
            command.CommandText = "UPDATE objects SET has_pending = 1";
            command.ExecuteNonQuery();
        }

        var effects = 0;
        Job.Behaviours[name] = (_, ctx) =>
        {
            Assert.Equal(actionId, ctx.ActionId); // the resumed run keeps its idempotency key
            effects++;
            return Task.CompletedTask;
        };
        await using var second = await StartAsync();
        await second.Recovered.WaitAsync(TimeSpan.FromSeconds(30));

        var obj = second.Object<Business>(Ns);
        Assert.Equal(1, effects);
        Assert.Equal(1, (await obj.Job(name).Get()).Runs);
        var action = await obj.Run(ctx => ctx.Actions.Get(actionId)!);
        Assert.Equal(ActionStatus.Completed, action.Status);
        Assert.Empty(await obj.Run(ctx => ctx.Actions.Open()));
        Assert.Equal((2L, 1L), await CountsAsync(obj, name));
    }
}
