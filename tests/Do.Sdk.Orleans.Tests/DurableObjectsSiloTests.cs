using Do.Orleans.Tests.Support;

namespace Do.Orleans.Tests;

/// <summary>A silo dies: every acknowledged write is still readable and writes continue, on the silos left.</summary>
public sealed class DurableObjectsSiloTests
{
    [Fact]
    public async Task After_a_silo_is_killed_every_acknowledged_write_is_readable_and_writes_continue()
    {
        using var data = new TempFolder();
        await using var cluster = ClusterFixture.Build(data.Path);
        await cluster.DeployAsync();
        var client = cluster.Client;
        var victim = cluster.Silos[1];
        var boards = Enumerable.Range(0, 6).Select(i => client.Object<Board>($"https://boards.test/survivor-{i}")).ToList();
        foreach (var board in boards)
        {
            await board.Counters.Create("c", new Counter());
        }

        // Half of them are made to live on the silo that will die.
        foreach (var board in boards.Take(3))
        {
            await board.MoveTo(victim.Name);
            await Wait.UntilAsync(async () => await client.GetGrain<IDurableObjectGrain>(board.Ns).Wake() == victim.Name, $"{board.Ns} runs on {victim.Name}");
        }

        await Task.WhenAll(boards.SelectMany(b => Enumerable.Range(0, 5).Select(_ => b.Counter("c").Increment())));

        await cluster.KillSiloAsync(victim);

        foreach (var board in boards)
        {
            await Wait.UntilAsync(async () => (await board.Counter("c").Get()).Value == 5, $"{board.Ns} reads its 5 acknowledged increments after the kill");
            await board.Counter("c").Increment();
            Assert.Equal(6, (await board.Counter("c").Get()).Value);
            Assert.NotEqual(victim.Name, await client.GetGrain<IDurableObjectGrain>(board.Ns).Wake());
        }
    }
}

/// <summary>Schedules on the cluster: a silo wakes an object whose schedule is due, and the run happens once.</summary>
public sealed class DurableObjectsSiloScheduleTests
{
    [Fact]
    public async Task A_due_schedule_wakes_its_object_through_the_grain_and_runs_once()
    {
        using var data = new TempFolder();
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 8, 30, 0, TimeSpan.Zero));
        await using var cluster = ClusterFixture.Build(data.Path, silos: 2, objectTime: time);
        await cluster.DeployAsync();
        var clock = cluster.Client.Object<Clock>("https://clocks.test/hourly");
        await clock.Counters.Create("ticks", new Counter());
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero), (await clock.Schedules())[0].NextDueAt);

        // Deactivated, so only the silos' wake-up can run the schedule.
        await cluster.DeactivateAsync(cluster.Client.GetGrain<IDurableObjectGrain>(clock.Ns));
        time.Advance(TimeSpan.FromMinutes(31));

        await Wait.UntilAsync(async () => (await clock.Counter("ticks").Get()).Value == 1, "the 09:00 run incremented ticks");
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero), (await clock.Schedules())[0].NextDueAt);
        Assert.Equal(1, (await clock.Counter("ticks").Get()).Value);
    }
}
