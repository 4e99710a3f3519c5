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
        var release = new TaskCompletionSource();
        var busy = obj.Run(async _ =>
        {
            await release.Task;
            return true;
        });
        using var cancel = new CancellationTokenSource();

        var queued = obj.Startup("acme").Invoke(Startup.PrioritizeVerb, null, (s, _) =>
        {
            s.Priority = 100;
            return ValueTask.CompletedTask;
        }, cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued);
        release.SetResult();
        await busy;

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
        var release = new TaskCompletionSource();
        var busy = obj.Run(async _ =>
        {
            await release.Task;
            return true;
        });

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
        release.SetResult();
        await busy;

        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        await Task.WhenAll(others);
        Assert.Equal(5, (await obj.Startup("acme").Get()).Priority);
        Assert.Equal(6, (await obj.Startup("acme").History()).Count);
        Assert.Equal(5, await obj.Run(ctx => ctx.Events.List().Count(e => e.Type == "Startup.prioritized")));
        Assert.Equal(6, await obj.Run(ctx => ctx.Actions.List().Count));
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
}
