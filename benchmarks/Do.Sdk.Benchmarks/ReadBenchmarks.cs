using BenchmarkDotNet.Attributes;
using Do.Benchmarks.Support;
using Microsoft.Data.Sqlite;

namespace Do.Benchmarks;

/// <summary>
/// Reads of one thing with 1, 1,000 and 100,000 versions: HEAD, one and a hundred versions back (<c>@~1</c>,
/// <c>@~100</c>), a version by id (<c>@v…</c>) and the noun's listing, each a turn of the object that returns the
/// deserialized nouns. Baseline: a raw prepared point read by
/// INTEGER PRIMARY KEY on the same file. <see cref="Raw_HeadQuery"/> runs the runtime's own HEAD statement raw, to
/// separate SQL cost from host cost.
/// </summary>
[BenchmarkCategory("Reads")]
public class ReadBenchmarks
{
    public const int Ops = 1_000;
    public const int ListOps = 20;

    private DoHost? _host;
    private ThingRef<Startup> _head = null!;
    private ThingRef<Startup> _back = null!;
    private ThingRef<Startup> _hundredBack = null!;
    private ThingCollection<Startup> _all = null!;
    private ThingRef<Startup> _version = null!;
    private SqliteConnection? _raw;
    private SqliteCommand _point = null!;
    private SqliteCommand _headQuery = null!;

    [Params(1, 1_000, 100_000)]
    public int Versions { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        var dataPath = ReadFixture.DataPath(Versions);
        var file = ReadFixture.DatabaseFile(dataPath);
        _host = await BenchHost.StartAsync(dataPath);
        var studio = _host.Object<Business>(BenchHost.Ns);
        _head = studio.Ref<Startup>("acme");
        var history = await _head.History();
        _back = studio.Ref<Startup>(Versions > 1 ? "acme@~1" : "acme@~0"); // one version has nothing one back
        _version = studio.Ref<Startup>($"acme@v{history[history.Count / 2].Version}");
        _hundredBack = studio.Ref<Startup>(Versions > 100 ? "acme@~100" : "acme@~0");
        _all = studio.Collection<Startup>();
        _ = await _head.Get();
        _ = await _hundredBack.Get();
        _ = await _all.List();
        _ = await _back.Get();
        _ = await _version.Get();

        _raw = BenchHost.OpenRaw(file, SynchronousMode.Normal);
        _point = BenchHost.Prepare(_raw, "SELECT data FROM things WHERE version = $v", "$v");
        _point.Parameters[0].Value = history[0].Version;
        _headQuery = BenchHost.Prepare(_raw, "SELECT t.version, t.data, t.deleted FROM tip AS p JOIN things AS t ON t.version = p.version WHERE p.noun = $noun AND p.id = $id AND p.branch = 1", "$noun");
        using (var noun = _raw.CreateCommand())
        {
            noun.CommandText = "SELECT id FROM nouns WHERE name = 'Startup'";
            _headQuery.Parameters[0].Value = (long)noun.ExecuteScalar()!;
        }

        _headQuery.Parameters.Add(new SqliteParameter("$id", "acme"));
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        _point.Dispose();
        _headQuery.Dispose();
        _raw?.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Ops)]
    public string? Raw_PointRead()
    {
        string? data = null;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        for (int i = 0; i < Ops; i++)
        {
            data = (string?)_point.ExecuteScalar();
            Bounded.Check(started, i, Ops);
        }

        return data;
    }

    [Benchmark(OperationsPerInvoke = Ops)]
    public string? Raw_HeadQuery()
    {
        string? data = null;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        for (int i = 0; i < Ops; i++)
        {
            using var reader = _headQuery.ExecuteReader();
            reader.Read();
            data = reader.GetString(1);
            Bounded.Check(started, i, Ops);
        }

        return data;
    }

    [Benchmark(OperationsPerInvoke = Ops)]
    public Task Head() => Bounded.Loop(Ops, _ => _head.Get());

    [Benchmark(OperationsPerInvoke = Ops)]
    public Task OneBack() => Bounded.Loop(Ops, _ => _back.Get());

    [Benchmark(OperationsPerInvoke = Ops)]
    public Task ByVersion() => Bounded.Loop(Ops, _ => _version.Get());

    /// <summary><c>@~100</c> (HEAD with one version).</summary>
    [Benchmark(OperationsPerInvoke = Ops)]
    public Task HundredBack() => Bounded.Loop(Ops, _ => _hundredBack.Get());

    /// <summary>The noun's listing: its one thing, whatever its number of versions.</summary>
    [Benchmark(OperationsPerInvoke = ListOps)]
    public Task List() => Bounded.Loop(ListOps, _ => _all.List());
}
