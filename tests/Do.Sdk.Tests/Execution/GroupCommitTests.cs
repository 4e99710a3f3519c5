using Do.Tests.Support;

namespace Do.Tests.Execution;

public sealed class GroupCommitTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Concurrent_verbs_that_fail_leave_no_rows_while_the_others_in_their_group_commit(bool groupCommit)
    {
        await using var host = await DoHost.StartAsync(o =>
        {
            o.DataPath = _temp.Path;
            o.GroupCommit = groupCommit;
        });
        var obj = host.Object<Business>("https://group.example");
        await obj.Startups().Create("acme", new Startup { Name = "Acme" });

        var calls = Enumerable.Range(0, 200).Select(i => obj.Startup("acme").Invoke(Startup.PrioritizeVerb, null, (s, _) =>
        {
            s.Priority++;
            return i % 3 == 0 ? throw new InvalidOperationException($"call {i} refused") : ValueTask.CompletedTask;
        })).ToList();
        var outcomes = await Task.WhenAll(calls.Select(async c =>
        {
            try
            {
                await c;
                return true;
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }));

        var succeeded = outcomes.Count(o => o);
        Assert.Equal(200 - 67, succeeded);
        Assert.Equal(succeeded, (await obj.Startup("acme").Get()).Priority);
        var history = await obj.Startup("acme").History();
        Assert.Equal(succeeded + 1, history.Count);
        Assert.Equal(succeeded, await obj.Run(ctx => ctx.Events.List().Count(e => e.Type == "Startup.prioritized")));
        Assert.Equal(succeeded + 1, await obj.Run(ctx => ctx.Actions.List().Count));
    }

    [Fact]
    public async Task A_caller_that_gives_up_while_queued_runs_nothing()
    {
        await using var host = await DoHost.StartAsync(o => o.DataPath = _temp.Path);
        var obj = host.Object<Business>("https://group.example");
        await obj.Startups().Create("acme", new Startup { Name = "Acme" });
        var release = await Turns.HoldAsync(obj);
        using var cancel = new CancellationTokenSource();

        var queued = obj.Startup("acme").Invoke(Startup.PrioritizeVerb, null, (s, _) =>
        {
            s.Priority = 100;
            return ValueTask.CompletedTask;
        }, cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued);
        await release();

        await obj.Startup("acme").Prioritize();
        Assert.Equal(1, (await obj.Startup("acme").Get()).Priority);
    }

    [Fact]
    public async Task A_group_whose_first_member_fails_commits_the_members_after_it()
    {
        // The first member of a group runs without a savepoint (nothing of another member to keep): its failure rolls the
        // shared transaction back and the group goes on in a new one.
        await using var host = await DoHost.StartAsync(o => o.DataPath = _temp.Path);
        var obj = host.Object<Business>("https://group.example");
        await obj.Startups().Create("acme", new Startup { Name = "Acme" });
        var release = await Turns.HoldAsync(obj);

        var failing = obj.Startup("acme").Invoke(Startup.PrioritizeVerb, null, (s, _) =>
        {
            s.Priority = 100;
            throw new InvalidOperationException("the first member refuses");
        });
        var others = Enumerable.Range(0, 5).Select(_ => obj.Startup("acme").Invoke(Startup.PrioritizeVerb, null, (s, _) =>
        {
            s.Priority++;
            return ValueTask.CompletedTask;
        })).ToList();
        await release();

        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        await Task.WhenAll(others);
        Assert.Equal(5, (await obj.Startup("acme").Get()).Priority);
        Assert.Equal(6, (await obj.Startup("acme").History()).Count);
        Assert.Equal(5, await obj.Run(ctx => ctx.Events.List().Count(e => e.Type == "Startup.prioritized")));
        Assert.Equal(6, await obj.Run(ctx => ctx.Actions.List().Count));
    }

    [Fact]
    public async Task A_member_that_fails_after_writing_leaves_none_of_its_rows_and_the_others_commit_once()
    {
        // Members run without savepoints. One whose version INSERT fails after its action INSERT went in (a trigger stands
        // in for a disk or constraint failure there) makes the group start its transaction again and run the members
        // before it once more, each in a savepoint.
        await using var host = await DoHost.StartAsync(o => o.DataPath = _temp.Path);
        var ns = "https://group.example";
        var obj = host.Object<Business>(ns);
        await obj.Startups().Create("acme", new Startup { Name = "Acme" });
        var release = await Turns.HoldAsync(obj, () => host.ActivationOf(ObjectNamespace.Parse(ns))!.Database.Execute("""
            CREATE TEMP TRIGGER fail_thirteen AFTER INSERT ON main.things WHEN json_extract(new.data, '$.priority') = 13
            BEGIN SELECT RAISE(ABORT, 'the disk refused version 13'); END
            """));

        var calls = Enumerable.Range(10, 6).Select(priority => obj.Startup("acme").Invoke(Startup.PrioritizeVerb, null, (s, _) =>
        {
            s.Priority = priority;
            return ValueTask.CompletedTask;
        })).ToList();
        await release();

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => calls[3]);
        Assert.Contains("the disk refused version 13", failure.ToString(), StringComparison.Ordinal);
        await Task.WhenAll(calls.Where((_, i) => i != 3));
        var history = await obj.Startup("acme").History();
        Assert.Equal([0, 10, 11, 12, 14, 15], history.OrderBy(v => v.Version).Select(v => v.Value!.Priority));
        Assert.Equal(6, await obj.Run(ctx => ctx.Actions.List().Count)); // the failed member's action row went with it
        Assert.Equal(5, await obj.Run(ctx => ctx.Events.List().Count(e => e.Type == "Startup.prioritized")));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Members_failing_before_and_after_writing_at_random_leave_exactly_the_others(int seed)
    {
        await using var host = await DoHost.StartAsync(o => o.DataPath = _temp.Path);
        var ns = "https://group.example";
        var obj = host.Object<Business>(ns);
        await obj.Startups().Create("acme", new Startup { Name = "Acme" });
        var random = new Random(seed);
        var plan = Enumerable.Range(1, 40).Select(p => (Priority: p, Outcome: random.Next(5) switch { 0 => "refuses", 1 => "disk", _ => "ok" })).ToList();
        // Versions whose priority is listed fail after their action row went in; the others may fail before writing.
        var refused = string.Join(", ", plan.Where(p => p.Outcome == "disk").Select(p => p.Priority).Append(-1));
        var release = await Turns.HoldAsync(obj, () => host.ActivationOf(ObjectNamespace.Parse(ns))!.Database.Execute($"""
            CREATE TEMP TRIGGER fail_listed AFTER INSERT ON main.things WHEN json_extract(new.data, '$.priority') IN ({refused})
            BEGIN SELECT RAISE(ABORT, 'the disk refused'); END
            """));

        var calls = plan.Select(p => obj.Startup("acme").Invoke(Startup.PrioritizeVerb, null, (s, _) =>
        {
            s.Priority = p.Priority;
            return p.Outcome == "refuses" ? throw new InvalidOperationException("refused") : ValueTask.CompletedTask;
        })).ToList();
        await release();

        for (int i = 0; i < plan.Count; i++)
        {
            switch (plan[i].Outcome)
            {
                case "ok":
                    await calls[i];
                    break;
                case "refuses":
                    await Assert.ThrowsAsync<InvalidOperationException>(() => calls[i]);
                    break;
                default:
                    Assert.Contains("the disk refused", (await Assert.ThrowsAnyAsync<Exception>(() => calls[i])).ToString(), StringComparison.Ordinal);
                    break;
            }
        }

        var succeeded = plan.Where(p => p.Outcome == "ok").Select(p => p.Priority).ToList();
        var history = await obj.Startup("acme").History();
        Assert.Equal(succeeded.Prepend(0), history.OrderBy(v => v.Version).Select(v => v.Value!.Priority));
        Assert.Equal(succeeded.Count + 1, await obj.Run(ctx => ctx.Actions.List().Count));
        Assert.Equal(succeeded.Count, await obj.Run(ctx => ctx.Events.List().Count(e => e.Type == "Startup.prioritized")));
    }

    [Fact]
    public async Task A_member_that_fails_before_writing_does_not_make_the_others_run_again()
    {
        await using var host = await DoHost.StartAsync(o => o.DataPath = _temp.Path);
        var obj = host.Object<Business>("https://group.example");
        await obj.Startups().Create("acme", new Startup { Name = "Acme" });
        var release = await Turns.HoldAsync(obj);
        var runs = 0;

        var calls = Enumerable.Range(0, 6).Select(i => obj.Startup("acme").Invoke(Startup.PrioritizeVerb, null, (s, _) =>
        {
            Interlocked.Increment(ref runs);
            s.Priority++;
            return i == 3 ? throw new InvalidOperationException("refused") : ValueTask.CompletedTask;
        })).ToList();
        await release();

        await Assert.ThrowsAsync<InvalidOperationException>(() => calls[3]);
        await Task.WhenAll(calls.Where((_, i) => i != 3));
        Assert.Equal(6, runs);
        Assert.Equal(5, (await obj.Startup("acme").Get()).Priority);
    }

    [Fact]
    public async Task A_lone_verb_that_fails_writes_nothing_and_the_next_one_commits()
    {
        await using var host = await DoHost.StartAsync(o => o.DataPath = _temp.Path);
        var obj = host.Object<Business>("https://group.example");
        await obj.Startups().Create("acme", new Startup { Name = "Acme" });
        await obj.Startup("acme").Prioritize();

        await Assert.ThrowsAsync<InvalidOperationException>(() => obj.Startup("acme").Invoke(Startup.PrioritizeVerb, null, (s, _) =>
        {
            s.Priority = 100;
            throw new InvalidOperationException("refused");
        }));
        await obj.Startup("acme").Prioritize();

        Assert.Equal(2, (await obj.Startup("acme").Get()).Priority);
        Assert.Equal(3, (await obj.Startup("acme").History()).Count);
        Assert.Equal(3, await obj.Run(ctx => ctx.Actions.List().Count));
    }

    [Theory]
    [InlineData(SynchronousMode.Normal)]
    [InlineData(SynchronousMode.Full)]
    public async Task A_group_that_runs_dry_waits_for_the_callers_the_last_group_answered_and_commits_once_with_them(SynchronousMode synchronous)
    {
        // The join wait is set far beyond the test's guard, so that the late caller joins whatever the timing.
        await using var host = await StartAsync(synchronous, joinWait: 2 * Wait.Guard);
        var obj = host.Object<Business>("https://group.example");
        await obj.Startups().Create("acme", new Startup { Name = "Acme" });
        await GroupOfTwo(obj);

        // A lone caller: its verb runs, the queue is empty, and the group has fewer members than the last one answered.
        var ran = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = Task.Run(() => Set(obj, 10, ran)); // the caller that starts a group runs it on its own thread
        await ran.Task.WaitAsync(Wait.Guard);
        Assert.False(first.IsCompleted, "the group commits only once the second caller has joined it");

        await Set(obj, 20).WaitAsync(Wait.Guard);
        await first.WaitAsync(Wait.Guard);
        var history = await obj.Startup("acme").History();
        Assert.Equal([0, 1, 2, 10, 20], history.OrderBy(v => v.Version).Select(v => v.Value!.Priority));
    }

    [Theory]
    [InlineData(SynchronousMode.Normal)]
    [InlineData(SynchronousMode.Full)]
    public async Task A_lone_caller_is_answered_without_waiting_for_others(SynchronousMode synchronous)
    {
        // Its last group held its own verb alone, so there is nobody to wait for.
        await using var host = await StartAsync(synchronous, joinWait: 2 * Wait.Guard);
        var obj = host.Object<Business>("https://group.example");
        await obj.Startups().Create("acme", new Startup { Name = "Acme" });

        for (int i = 0; i < 3; i++)
        {
            await Set(obj, 10 + i).WaitAsync(Wait.Guard); // a wait for a joiner would outlast the guard
        }

        Assert.Equal(12, (await obj.Startup("acme").Get()).Priority);
    }

    [Fact]
    public async Task The_default_join_wait_is_short_when_nobody_joins()
    {
        await using var host = await StartAsync(SynchronousMode.Full, joinWait: null);
        var obj = host.Object<Business>("https://group.example");
        await obj.Startups().Create("acme", new Startup { Name = "Acme" });
        await GroupOfTwo(obj);

        await Set(obj, 10).WaitAsync(Wait.Guard); // waits at most a quarter of the last commit for a second caller, who never comes
        Assert.Equal(10, (await obj.Startup("acme").Get()).Priority);
    }

    private Task<DoHost> StartAsync(SynchronousMode synchronous, TimeSpan? joinWait) => DoHost.StartAsync(o =>
    {
        o.DataPath = _temp.Path;
        o.Synchronous = synchronous;
        o.GroupJoinWait = joinWait;
    });

    /// <summary>Runs two Prioritize calls as one group (priorities 1 and 2), so that the next group expects two callers.</summary>
    private static async Task GroupOfTwo(ObjectClient<Business> obj)
    {
        var release = await Turns.HoldAsync(obj); // the turn is taken: both calls queue behind it
        var two = new[] { obj.Startup("acme").Prioritize(), obj.Startup("acme").Prioritize() };
        await release();
        await Task.WhenAll(two);
    }

    /// <summary>Sets the startup's priority in a verb; <paramref name="ran"/> completes once the verb has run in its group.</summary>
    private static Task Set(ObjectClient<Business> obj, int priority, TaskCompletionSource? ran = null)
        => obj.Startup("acme").Invoke(Startup.PrioritizeVerb, null, (s, _) =>
        {
            s.Priority = priority;
            ran?.TrySetResult();
            return ValueTask.CompletedTask;
        });
}
