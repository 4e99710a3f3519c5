using Do.Orleans.Tests.Support;
using Orleans.TestingHost;

namespace Do.Orleans.Tests;

/// <summary>A 3-silo cluster whose silos each keep their own data folder (per-silo disks).</summary>
public sealed class PerSiloDiskFixture : IAsyncLifetime
{
    public TempFolder Data { get; } = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Cluster = ClusterFixture.Build(Data.Path, configure: o => o.Topology = StorageTopology.PerSiloDisk);
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        Data.Dispose();
    }
}

/// <summary>Per-silo disks: the placement director keeps each object on the silo whose disk holds its file.</summary>
public sealed class PerSiloDiskTests(PerSiloDiskFixture fixture) : IClassFixture<PerSiloDiskFixture>
{
    private InProcessTestCluster Cluster => fixture.Cluster;

    private global::Orleans.IClusterClient Client => fixture.Cluster.Client;

    [Fact]
    public async Task Objects_stay_on_the_silo_whose_disk_holds_their_file_across_deactivation()
    {
        var boards = Enumerable.Range(0, 8).Select(i => Client.Object<Board>($"https://boards.test/home-{i}")).ToList();
        foreach (var board in boards)
        {
            await board.Counters.Create("c", new Counter());
            await board.Counter("c").Increment(3);
        }

        var homes = new Dictionary<string, string>();
        foreach (var board in boards)
        {
            homes[board.Ns] = await SiloOf(board.Ns);
            Assert.Equal([homes[board.Ns]], Holders(board.Ns));
        }

        Assert.True(homes.Values.Distinct().Count() > 1, $"all {boards.Count} new objects went to {homes.Values.First()}; new objects are meant to spread over the silos");

        foreach (var board in boards)
        {
            await Cluster.DeactivateAsync(Client.GetGrain<IDurableObjectGrain>(board.Ns));
        }

        foreach (var board in boards)
        {
            Assert.Equal(3, (await board.Counter("c").Get()).Value);
            Assert.Equal(homes[board.Ns], await SiloOf(board.Ns));
            Assert.Equal([homes[board.Ns]], Holders(board.Ns));
        }
    }

    [Fact]
    public async Task MoveTo_another_silo_carries_the_file_to_its_disk_and_keeps_identity_and_data()
    {
        const string Ns = "https://boards.test/per-silo-moving";
        var board = Client.Object<Board>(Ns);
        await board.Counters.Create("c", new Counter());
        await board.Counter("c").Increment(4);
        await board.Branch("experiment");
        var from = await SiloOf(Ns);
        var to = Cluster.Silos.Select(s => s.Name).First(n => n != from);

        Assert.Equal(to, await board.MoveTo(to));
        await Wait.UntilAsync(async () => await SiloOf(Ns) == to, $"{Ns} runs on {to}");

        Assert.Equal(4, (await board.Counter("c").Get()).Value);
        Assert.Equal(["main", "experiment"], await board.Branches());
        await board.Counter("c").Increment();
        Assert.Equal(5, (await board.Counter("c").Get()).Value);
        Assert.Equal(3, (await board.Counter("c").History()).Count);
        Assert.Equal([to], Holders(Ns));
        Assert.Single(Directory.GetFiles(Path.Combine(fixture.Data.Path, from, DoHost.HandedOverFolder)));

        // Its home is now the target's disk: a new activation goes there, not back.
        await Cluster.DeactivateAsync(Client.GetGrain<IDurableObjectGrain>(Ns));
        Assert.Equal(5, (await board.Counter("c").Get()).Value);
        Assert.Equal(to, await SiloOf(Ns));
    }

    [Fact]
    public async Task A_call_that_lands_on_a_silo_without_the_file_is_served_by_the_silo_that_has_it()
    {
        const string Ns = "https://boards.test/per-silo-stray";
        var board = Client.Object<Board>(Ns);
        await board.Counters.Create("c", new Counter());
        await board.Counter("c").Increment(7);
        var home = await SiloOf(Ns);
        await Cluster.DeactivateAsync(Client.GetGrain<IDurableObjectGrain>(Ns));
        var elsewhere = Cluster.Silos.First(s => s.Name != home);

        // What a stale directory cache does: the call lands on a silo that lacks the file, and Orleans activates there.
        int value;
        global::Orleans.Runtime.RequestContext.Set(global::Orleans.Runtime.Placement.IPlacementDirector.PlacementHintKey, elsewhere.SiloAddress);
        try
        {
            value = (await board.Counter("c").Get()).Value;
        }
        finally
        {
            global::Orleans.Runtime.RequestContext.Clear();
        }

        Assert.Equal(7, value);
        Assert.Equal(home, await SiloOf(Ns));
        Assert.Equal([home], Holders(Ns));
    }

    private Task<string> SiloOf(string ns) => Client.GetGrain<IDurableObjectGrain>(ns).Wake();

    /// <summary>The silos whose own catalog holds <paramref name="ns"/>.</summary>
    private List<string> Holders(string ns)
        => [.. Cluster.Silos.Select(s => s.Name).Where(name => ClusterFixture.SiloNamed(Cluster, name).Host.Holds(ObjectNamespace.Parse(ns)))];
}

/// <summary>Per-silo disks when the silo holding an object's file dies.</summary>
public sealed class PerSiloDiskFailureTests
{
    [Fact]
    public async Task Calls_to_an_object_whose_silo_is_down_fail_clearly_and_no_empty_copy_is_created_elsewhere()
    {
        using var data = new TempFolder();
        await using var cluster = ClusterFixture.Build(data.Path, silos: 2, configure: o => o.Topology = StorageTopology.PerSiloDisk);
        await cluster.DeployAsync();
        var client = cluster.Client;
        var victim = cluster.Silos[1];
        var board = client.Object<Board>("https://boards.test/stranded");
        await board.Counters.Create("c", new Counter());
        await board.Counter("c").Increment(2);
        await board.MoveTo(victim.Name);
        await Wait.UntilAsync(async () => await client.GetGrain<IDurableObjectGrain>(board.Ns).Wake() == victim.Name, $"{board.Ns} runs on {victim.Name}");

        await cluster.KillSiloAsync(victim);

        // Until the cluster notices the death, calls fail as any call to a dead silo does; then placement refuses.
        string? refused = null;
        await Wait.UntilAsync(
            async () =>
            {
                try
                {
                    await board.Counter("c").Get();
                    return false;
                }
                catch (Exception e) when (e.Message.Contains("is unavailable", StringComparison.Ordinal))
                {
                    refused = e.Message;
                    return true;
                }
            },
            "calls to the stranded object are refused by placement");

        Assert.Contains(board.Ns, refused, StringComparison.Ordinal);
        Assert.Contains(victim.Name, refused, StringComparison.Ordinal);
        var survivor = ClusterFixture.SiloNamed(cluster, cluster.Silos[0].Name);
        Assert.False(survivor.Host.Holds(ObjectNamespace.Parse(board.Ns)));
        Assert.Empty(survivor.Host.Catalog());
    }
}
