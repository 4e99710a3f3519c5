using Do.Orleans.Tests.Support;

namespace Do.Orleans.Tests;

/// <summary>A silo dies in the middle of a durable verb: the pending action resumes when the grain activates elsewhere.</summary>
public sealed class SiloCrashRecoveryTests
{
    [Fact]
    public async Task A_pending_action_on_a_killed_silo_resumes_on_another_silo_and_completes_once()
    {
        using var data = new TempFolder();
        await using var cluster = ClusterFixture.Build(data.Path, silos: 2);
        await cluster.DeployAsync();
        var client = cluster.Client;
        var victim = cluster.Silos[1];
        var board = client.Object<Board>("https://boards.test/crash-resume");
        var key = board.Ns + "/p1";
        await board.Parcels.Create("p1", new Parcel());
        await board.MoveTo(victim.Name);
        await Wait.UntilAsync(async () => await client.GetGrain<IDurableObjectGrain>(board.Ns).Wake() == victim.Name, $"{board.Ns} runs on {victim.Name}");

        // Never acknowledged: its silo dies while the verb runs. Only the pending row in the file remembers it.
        var lost = board.Parcel("p1").Ship(key);
        await Wait.Until(() => Parcel.Runs.GetValueOrDefault(key) == 1, "the first run of Ship started on the victim silo");
        await cluster.KillSiloAsync(victim);
        _ = lost.ContinueWith(static t => t.Exception, TaskScheduler.Default); // it fails with the silo; nobody waits for it

        await Wait.UntilAsync(async () => (await board.Parcel("p1").Get()).Shipped, "the resumed Ship committed on the silo left");

        var ships = await board.Actions(new ActionFilter { Verb = "Ship" });
        Assert.Equal(ActionStatus.Completed, Assert.Single(ships).Status);
        Assert.Equal(2, Parcel.Runs[key]);
        Assert.Equal(2, (await board.Parcel("p1").History()).Count);
        Assert.NotEqual(victim.Name, await client.GetGrain<IDurableObjectGrain>(board.Ns).Wake());
    }
}
