using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Hosting;

namespace Do.Orleans.Benchmarks;

/// <summary>
/// A sync verb through the cluster client (<c>client.Object&lt;Ledger&gt;(ns).Tally("t").Increment()</c>: grain call,
/// turn, version + action + event in one transaction, handlers) against a plain grain doing the same SQLite write on a
/// file of its own. One silo in process (localhost clustering); the client is the silo's own grain factory, as a
/// co-hosted client calls. One caller in sequence, and 32 callers on 32 objects at once. The same verb on an embedded
/// <see cref="DoHost"/> (no Orleans) splits the overhead: cluster minus embedded is the Orleans layer's own cost,
/// embedded minus plain grain the object runtime's.
/// </summary>
[Config(typeof(QuickInProcess))]
public class VerbThroughClusterBenchmarks
{
    public const int Ops = 500;
    public const int Callers = 32;

    private string _folder = "";
    private Microsoft.Extensions.Hosting.IHost _host = null!;
    private IGrainFactory _grains = null!;
    private ObjectClient<Ledger>[] _ledgers = [];
    private DoHost _embedded = null!;
    private ObjectClient<Ledger>[] _embeddedLedgers = [];

    [GlobalSetup]
    public async Task Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "do-orleans-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        SqliteWriteGrain.Folder = _folder;
        _host = new HostBuilder()
            .UseOrleans(silo => silo.UseLocalhostClustering().AddDurableObjects(o =>
            {
                o.DataPath = Path.Combine(_folder, "objects");
                o.IdleTimeout = TimeSpan.FromHours(1);
            }))
            .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .Build();
        await _host.StartAsync();
        _grains = _host.Services.GetRequiredService<IGrainFactory>();
        _ledgers = [.. Enumerable.Range(0, Callers).Select(i => _grains.Object<Ledger>($"https://ledger.bench/{i}"))];
        foreach (var (ledger, i) in _ledgers.Select((l, i) => (l, i)))
        {
            await ledger.Tallies.Create("t", new Tally());
            await ledger.Tally("t").Increment();
            await _grains.GetGrain<ISqliteWriteGrain>($"plain-{i}").Increment(1);
        }

        _embedded = await DoHost.StartAsync(o =>
        {
            o.DataPath = Path.Combine(_folder, "embedded");
            o.IdleTimeout = TimeSpan.FromHours(1);
        });
        _embeddedLedgers = [.. Enumerable.Range(0, Callers).Select(i => _embedded.Object<Ledger>($"https://ledger.bench/{i}"))];
        foreach (var ledger in _embeddedLedgers)
        {
            await ledger.Tallies.Create("t", new Tally());
            await ledger.Tally("t").Increment();
        }
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _embedded.DisposeAsync();
        await _host.StopAsync();
        _host.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Ops)]
    public async Task PlainGrain_SqliteWrite_1Caller()
    {
        var grain = _grains.GetGrain<ISqliteWriteGrain>("plain-0");
        for (int i = 0; i < Ops; i++)
        {
            await grain.Increment(1);
        }
    }

    [Benchmark(OperationsPerInvoke = Ops)]
    public async Task Verb_ThroughCluster_1Caller()
    {
        var tally = _ledgers[0].Tally("t");
        for (int i = 0; i < Ops; i++)
        {
            await tally.Increment();
        }
    }

    [Benchmark(OperationsPerInvoke = Ops)]
    public async Task Verb_EmbeddedHost_1Caller()
    {
        var tally = _embeddedLedgers[0].Tally("t");
        for (int i = 0; i < Ops; i++)
        {
            await tally.Increment();
        }
    }

    [Benchmark(OperationsPerInvoke = Ops)]
    public Task PlainGrain_SqliteWrite_32Callers()
        => Task.WhenAll(Enumerable.Range(0, Callers).Select(async c =>
        {
            var grain = _grains.GetGrain<ISqliteWriteGrain>($"plain-{c}");
            for (int i = 0; i < Ops / Callers; i++)
            {
                await grain.Increment(1);
            }
        }));

    [Benchmark(OperationsPerInvoke = Ops)]
    public Task Verb_ThroughCluster_32Callers()
        => Task.WhenAll(Enumerable.Range(0, Callers).Select(async c =>
        {
            var tally = _ledgers[c].Tally("t");
            for (int i = 0; i < Ops / Callers; i++)
            {
                await tally.Increment();
            }
        }));

    [Benchmark(OperationsPerInvoke = Ops)]
    public Task Verb_EmbeddedHost_32Callers()
        => Task.WhenAll(Enumerable.Range(0, Callers).Select(async c =>
        {
            var tally = _embeddedLedgers[c].Tally("t");
            for (int i = 0; i < Ops / Callers; i++)
            {
                await tally.Increment();
            }
        }));
}
