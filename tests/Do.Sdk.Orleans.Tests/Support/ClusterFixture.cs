using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace Do.Orleans.Tests.Support;

/// <summary>
/// A 3-silo <see cref="InProcessTestCluster"/> whose silos share one data root (the shared-volume topology), with a
/// client prepared by <c>AddDurableObjects</c>. Membership is tuned so a killed silo is declared dead in seconds.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public TempFolder Data { get; } = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public global::Orleans.IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        Cluster = Build(Data.Path);
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        Data.Dispose();
    }

    /// <summary>
    /// A cluster of <paramref name="silos"/> over <paramref name="dataPath"/>: one shared data root, or with
    /// <see cref="StorageTopology.PerSiloDisk"/> a folder per silo under it, named after the silo.
    /// </summary>
    public static InProcessTestCluster Build(string dataPath, short silos = 3, TimeProvider? objectTime = null, Action<DurableObjectsOptions>? configure = null)
    {
        var builder = new InProcessTestClusterBuilder(silos);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((options, silo) =>
        {
            var cluster = new DurableObjectsOptions();
            configure?.Invoke(cluster);
            silo.AddDurableObjects(
                o =>
                {
                    o.DataPath = cluster.Topology == StorageTopology.PerSiloDisk ? Path.Combine(dataPath, options.SiloName) : dataPath;
                    o.TimeProvider = objectTime ?? TimeProvider.System; // the objects' clock only: Orleans keeps its own
                },
                configure);
            silo.UseInMemoryReminderService();
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                o.ProbeTimeout = TimeSpan.FromSeconds(1);
                o.NumMissedProbesLimit = 2;
                o.NumVotesForDeathDeclaration = 1;
            });
            silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(10));
        });
        builder.ConfigureClient(client =>
        {
            client.AddDurableObjects();
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(10));
        });
        return builder.Build();
    }

    /// <summary>The name of the silo the object's grain is active on (activating it if needed).</summary>
    public Task<string> SiloOf(string ns) => Client.GetGrain<IDurableObjectGrain>(ns).Wake();

    /// <summary>The durable-objects side of a silo of <paramref name="cluster"/>, by silo name.</summary>
    internal static DurableObjectsSilo SiloNamed(InProcessTestCluster cluster, string name)
        => cluster.GetSiloServiceProvider(cluster.Silos.Single(s => s.Name == name).SiloAddress).GetRequiredService<DurableObjectsSilo>();
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
