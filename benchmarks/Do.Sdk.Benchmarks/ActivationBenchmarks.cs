using BenchmarkDotNet.Attributes;
using Do.Benchmarks.Support;
using Microsoft.Data.Sqlite;

namespace Do.Benchmarks;

/// <summary>
/// Cold activation of existing objects: each iteration first deactivates (closes) <see cref="Ops"/> objects, then
/// measures their first call, a read of one thing (open, migration check, catalog lookup, Configure, the read).
/// Baseline: on the same files, a raw open with the same pragmas plus one prepared point read.
/// </summary>
[BenchmarkCategory("Activation")]
[InvocationCount(1)]
public class ActivationBenchmarks
{
    public const int Ops = 200;

    private readonly List<SqliteConnection> _open = [];
    private string _dataPath = null!;
    private string[] _namespaces = null!;
    private string[] _files = null!;
    private DoHost? _host;
    private ThingRef<Startup>[] _refs = null!;

    [GlobalSetup(Target = nameof(Raw_OpenAndRead))]
    public void Setup()
    {
        _dataPath = ActivationFixture.DataPath(Ops);
        _namespaces = ActivationFixture.Namespaces(Ops);
        _files = ActivationFixture.Files(_dataPath, _namespaces);
    }

    [GlobalSetup(Target = nameof(Do_ActivateAndRead))]
    public async Task SetupDo()
    {
        Setup();
        _host = await BenchHost.StartAsync(_dataPath);
        _refs = [.. _namespaces.Select(ns => _host.Object<Business>(ns).Ref<Startup>("acme"))];
    }

    [IterationSetup(Target = nameof(Do_ActivateAndRead))]
    public void DeactivateAll()
    {
        foreach (var ns in _namespaces)
        {
            _host!.DeactivateAsync(ns).GetAwaiter().GetResult();
        }
    }

    [IterationSetup(Target = nameof(Raw_OpenAndRead))]
    public void CloseAll()
    {
        foreach (var connection in _open)
        {
            connection.Dispose();
        }

        _open.Clear();
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        CloseAll();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Ops)]
    public void Raw_OpenAndRead()
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        for (int i = 0; i < _files.Length; i++)
        {
            _open.Add(ActivationFixture.OpenAndRead(_files[i]));
            Bounded.Check(started, i, _files.Length);
        }
    }

    [Benchmark(OperationsPerInvoke = Ops)]
    public Task Do_ActivateAndRead() => Bounded.Loop(_refs.Length, i => _refs[i].Get());
}
