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
