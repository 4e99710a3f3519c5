using Do.Tests.Hosting.Crossing;
using Do.Tests.Support;

namespace Do.Tests.Hosting;

/// <summary>Crossing calls between independent call chains fail fast with a deadlock; long waits time out.</summary>
public sealed class WaitForGraphTests : IDisposable
{
    private const string A = "https://a.example";
    private const string B = "https://b.example";
    private const string C = "https://c.example";
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Object_level_verbs_that_cross_fail_one_call_with_a_deadlock_naming_both_objects()
    {
        var meeting = Guid.NewGuid().ToString("N");
        var host = await DoHost.StartAsync(o => o.DataPath = _temp.Path);

        var ab = host.Object<Relay>(A).Cross(B, meeting, 2);
        var ba = host.Object<Relay>(B).Cross(A, meeting, 2);
        var outcomes = await Outcomes(ab, ba);

        var deadlock = Assert.IsType<DeadlockException>(Assert.Single(outcomes, e => e is not null));
        Assert.Equal(2, deadlock.Objects.Count);
        Assert.Equal(new[] { A, B }, deadlock.Objects.Order(StringComparer.Ordinal));
        Assert.Contains(A, deadlock.Message, StringComparison.Ordinal);
        Assert.Contains(B, deadlock.Message, StringComparison.Ordinal);

        // The call that was not failed ran to the end: the object it crossed to was touched once, by it.
        Assert.Single(Relay.Touched, t => t.StartsWith(meeting, StringComparison.Ordinal));
        await host.DisposeAsync().AsTask().WaitAsync(Wait.Guard);
    }

    [Fact]
    public async Task Async_noun_verbs_that_cross_fail_one_action_with_the_deadlock_and_leave_its_thing_unchanged()
    {
        var meeting = Guid.NewGuid().ToString("N");
        await using var host = await DoHost.StartAsync(o => o.DataPath = _temp.Path);
        await host.Object<Business>(A).Batons.Create("x", new Baton());
        await host.Object<Business>(B).Batons.Create("x", new Baton());

        var ab = host.Object<Business>(A).Baton("x").Pass(B + "/x", meeting, 2);
        var ba = host.Object<Business>(B).Baton("x").Pass(A + "/x", meeting, 2);
        var outcomes = await Outcomes(ab, ba);

        var failed = Assert.IsType<ActionFailedException>(Assert.Single(outcomes, e => e is not null));
        var deadlock = Assert.IsType<DeadlockException>(failed.InnerException);
        Assert.Equal(new[] { A, B }, deadlock.Objects.Order(StringComparer.Ordinal));
        Assert.Equal(1, failed.Attempts); // not retried: the turn is still held, a retry would meet the same cycle

        var (loser, winner) = outcomes[0] is null ? (B, A) : (A, B);
        var lost = await host.Object<Business>(loser).Baton("x").Get();
        var won = await host.Object<Business>(winner).Baton("x").Get();
        Assert.Equal((0, 1), (lost.Passes, lost.Touches)); // the winner's touch landed; the failed pass wrote nothing
        Assert.Equal((1, 0), (won.Passes, won.Touches));
    }

    [Fact]
    public async Task Handlers_of_group_committed_verbs_that_cross_dead_letter_one_event_with_the_deadlock()
    {
        var meeting = Guid.NewGuid().ToString("N");
        var (a, b) = (A + "/" + meeting, B + "/" + meeting);
        Crossover.Partners[a] = (b, meeting);
        Crossover.Partners[b] = (a, meeting);
        await using var host = await DoHost.StartAsync(o =>
        {
            o.DataPath = _temp.Path;
            o.Actions.HandlerRetries = 0;
        });
        await host.Object<Crossover>(a).Batons.Create("x", new Baton());
        await host.Object<Crossover>(b).Batons.Create("x", new Baton());

        // Called from outside any turn, these synchronous verbs run as group-commit members; their handlers run in the
        // group's turn, which holds the object while the handler calls the partner.
        await Task.WhenAll(host.Object<Crossover>(a).Baton("x").Touch(), host.Object<Crossover>(b).Baton("x").Touch()).WaitAsync(Wait.Guard);

        var letters = (await host.Object<Crossover>(a).DeadLetters()).Concat(await host.Object<Crossover>(b).DeadLetters()).ToList();
        var letter = Assert.Single(letters);
        Assert.Contains(nameof(DeadlockException), letter.Error, StringComparison.Ordinal);
        Assert.Contains(a, letter.Error, StringComparison.Ordinal);
        Assert.Contains(b, letter.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cycle_of_three_objects_names_all_three()
    {
        var meeting = Guid.NewGuid().ToString("N");
        await using var host = await DoHost.StartAsync(o => o.DataPath = _temp.Path);

        var calls = new[]
        {
            host.Object<Relay>(A).Cross(B, meeting, 3),
            host.Object<Relay>(B).Cross(C, meeting, 3),
            host.Object<Relay>(C).Cross(A, meeting, 3),
        };
        var outcomes = await Outcomes(calls);

        var deadlock = Assert.IsType<DeadlockException>(Assert.Single(outcomes, e => e is not null));
        Assert.Equal(new[] { A, B, C }, deadlock.Objects.Order(StringComparer.Ordinal));
        Assert.Equal(2, Relay.Touched.Count(t => t.StartsWith(meeting, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_chain_that_comes_back_to_its_own_object_re_enters_instead_of_deadlocking()
    {
        var meeting = Guid.NewGuid().ToString("N");
        await using var host = await DoHost.StartAsync(o => o.DataPath = _temp.Path);

        await host.Object<Relay>(A).Run(async ctx => await ctx.Object<Relay>(B).Run(async inner =>
        {
            await inner.Object<Relay>(A).Touch(meeting);
            return true;
        })).WaitAsync(Wait.Guard);

        Assert.Contains($"{meeting} {A}", Relay.Touched);
    }

    [Fact]
    public async Task A_chain_that_comes_back_to_its_objects_again_and_again_re_enters_each_time()
    {
        await using var host = await DoHost.StartAsync(o => o.DataPath = _temp.Path);
        var hops = new System.Collections.Concurrent.ConcurrentQueue<string>();

        // A → B → A → B → A → B: each call back runs inside the turn of the same object that waits for it.
        async Task<bool> Hop(Context ctx, int left)
        {
            hops.Enqueue(ctx.Ns);
            return left == 0 || await ctx.Object<Relay>(left % 2 == 0 ? A : B).Run(c => Hop(c, left - 1));
        }

        Assert.True(await host.Object<Relay>(A).Run(ctx => Hop(ctx, 5)).WaitAsync(Wait.Guard));
        Assert.Equal([A, B, A, B, A, B], hops);
    }

    [Fact]
    public async Task A_call_that_waits_longer_than_CallTimeout_for_a_turn_fails_with_a_timeout_naming_the_object()
    {
        var clock = FakeClock.Create();
        await using var host = await DoHost.StartAsync(o =>
        {
            o.DataPath = _temp.Path;
            o.TimeProvider = clock;
            o.CallTimeout = TimeSpan.FromSeconds(10);
        });
        var holding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holder = host.Object<Relay>(A).Run(async _ =>
        {
            holding.SetResult();
            await release.Task;
            return true;
        });
        await holding.Task.WaitAsync(Wait.Guard);

        var waiter = host.Object<Relay>(A).Touch("late");
        var error = await Assert.ThrowsAsync<CallTimeoutException>(() => clock.DriveAsync(waiter, TimeSpan.FromSeconds(1)));

        Assert.Equal(A, error.Namespace);
        Assert.Equal(TimeSpan.FromSeconds(10), error.Timeout);
        Assert.Contains(A, error.Message, StringComparison.Ordinal);
        Assert.Contains("00:00:10", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<TimeoutException>(error);
        release.SetResult();
        Assert.True(await holder.WaitAsync(Wait.Guard));
        Assert.DoesNotContain("late " + A, Relay.Touched);
    }

    [Fact]
    public async Task With_an_infinite_CallTimeout_a_waiting_call_runs_once_the_turn_is_free()
    {
        var clock = FakeClock.Create();
        await using var host = await DoHost.StartAsync(o =>
        {
            o.DataPath = _temp.Path;
            o.TimeProvider = clock;
            o.CallTimeout = Timeout.InfiniteTimeSpan;
        });
        var meeting = Guid.NewGuid().ToString("N");
        var holding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holder = host.Object<Relay>(A).Run(async _ =>
        {
            holding.SetResult();
            await release.Task;
            return true;
        });
        await holding.Task.WaitAsync(Wait.Guard);
        var waiter = host.Object<Relay>(A).Touch(meeting);

        clock.Advance(TimeSpan.FromDays(1));
        release.SetResult();
        await Task.WhenAll(holder, waiter).WaitAsync(Wait.Guard);

        Assert.Contains($"{meeting} {A}", Relay.Touched);
    }

    /// <summary>Awaits every call (bounded, so a regression fails instead of hanging) and returns each one's exception or null.</summary>
    private static async Task<Exception?[]> Outcomes(params Task[] calls)
    {
        try
        {
            await Task.WhenAll(calls).WaitAsync(Wait.Guard);
        }
        catch (Exception) when (calls.All(c => c.IsCompleted))
        {
            // Inspected one by one below.
        }

        return [.. calls.Select(c => c.Exception?.InnerException)];
    }
}
