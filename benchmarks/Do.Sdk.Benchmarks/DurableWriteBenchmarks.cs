using BenchmarkDotNet.Attributes;
using Do.Benchmarks.Support;
using Microsoft.Data.Sqlite;

namespace Do.Benchmarks;

/// <summary>
/// Durable writes on one object against the physical limit: raw Microsoft.Data.Sqlite inserting one row per
/// transaction (prepared BEGIN IMMEDIATE / INSERT / COMMIT, the pragmas <c>ObjectDatabase</c> sets, WAL). The verb
/// paths go through the host: a turn, HEAD read, JSON round trip, and a version + action + event row per commit.
/// Each invocation is <see cref="Ops"/> writes; results are per write.
/// </summary>
[BenchmarkCategory("Writes")]
public class DurableWriteBenchmarks
{
    public const int Ops = 512;

    /// <summary>How long <see cref="Setup"/> runs the paths before measuring (see <see cref="WarmUpAsync"/>).</summary>
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(4);
    private const string Payload = """{"name":"Acme","priority":1,"tags":[]}""";

    private TempFolder _folder = null!;
    private DoHost _host = null!;
    private ThingRef<Startup>[] _startups = null!;
    private ThingCollection<Startup> _collection = null!;
    private ThingRef<Job> _job = null!;
    private ObjectClient<ActionStudio> _actions = null!;
    private SqliteConnection _raw = null!;
    private SqliteCommand _begin = null!;
    private SqliteCommand _insert = null!;
    private SqliteCommand _commit = null!;

    [Params(SynchronousMode.Full, SynchronousMode.Normal)]
    public SynchronousMode Synchronous { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        _folder = new TempFolder("writes");
        _host = await BenchHost.StartAsync(Path.Combine(_folder.Path, "data"), Synchronous);
        var studio = _host.Object<Business>(BenchHost.Ns);
        _collection = studio.Collection<Startup>();
        _startups = new ThingRef<Startup>[64];
        for (int i = 0; i < _startups.Length; i++)
        {
            await studio.Collection<Startup>().Create("s" + i, new Startup { Name = "Startup " + i });
            _startups[i] = studio.Ref<Startup>("s" + i);
        }

        await studio.Collection<Job>().Create("job", new Job { Name = "job" });
        _job = studio.Ref<Job>("job");
        _actions = _host.Object<ActionStudio>("https://actions.bench.example");
        await _actions.Run(static ctx => ctx.Do("noop"));

        _raw = BenchHost.OpenRaw(Path.Combine(_folder.Path, "raw.db"), Synchronous);
        using (var create = _raw.CreateCommand())
        {
            create.CommandText = "CREATE TABLE t (id INTEGER PRIMARY KEY, data TEXT NOT NULL)";
            create.ExecuteNonQuery();
        }

        _begin = BenchHost.Prepare(_raw, "BEGIN IMMEDIATE");
        _insert = BenchHost.Prepare(_raw, "INSERT INTO t (data) VALUES ($data)");
        _insert.Parameters.Add(new SqliteParameter("$data", Payload));
        _commit = BenchHost.Prepare(_raw, "COMMIT");
        await WarmUpAsync();
    }

    /// <summary>
    /// Runs every path for <see cref="WarmUp"/> before BenchmarkDotNet's own warm-up. Tiered compilation recompiles the
    /// verb path in the background for the first few seconds of a process (libclrjit was 10-26% of the samples for about
    /// 5 s); the quick job's 0.5 s of warm-up measured that, 107-124 µs for a sync verb that costs 77-90 µs in steady
    /// state (benchmarks/README.md, write path round 6). The full job warms up long enough by itself.
    /// </summary>
    private async Task WarmUpAsync()
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        do
        {
            Raw_OneRowPerTransaction();
            await SyncVerb_1Caller();
            await SyncVerb_64Callers();
            await SyncVerb_64Callers_OneThing();
            await CollectionUpdate_64Callers();
            await AsyncVerb_1Caller();
            await DoAction_1Caller();
        }
        while (System.Diagnostics.Stopwatch.GetElapsedTime(started) < WarmUp);
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _host.DisposeAsync();
        _begin.Dispose();
        _insert.Dispose();
        _commit.Dispose();
        _raw.Dispose();
        _folder.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Ops)]
    public void Raw_OneRowPerTransaction()
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        for (int i = 0; i < Ops; i++)
        {
            _begin.ExecuteNonQuery();
            _insert.ExecuteNonQuery();
            _commit.ExecuteNonQuery();
            Bounded.Check(started, i, Ops);
        }
    }

    [Benchmark(OperationsPerInvoke = Ops)]
    public Task SyncVerb_1Caller()
        => Bounded.Loop(Ops, _ => _startups[0].Invoke(Startup.PrioritizeVerb, """{"by":1}""", BenchVerbs.Prioritize1));

    [Benchmark(OperationsPerInvoke = Ops)]
    public Task SyncVerb_64Callers()
        => Bounded.Concurrent(64, Ops, (caller, _) => _startups[caller].Invoke(Startup.PrioritizeVerb, """{"by":1}""", BenchVerbs.Prioritize1));

    /// <summary>
    /// The 64 callers of <see cref="SyncVerb_64Callers"/> all on one thing: a group commit then logs one page of the
    /// version index instead of one per thing, which tells the commit's volume from the verbs' own cost
    /// (benchmarks/README.md, write path round 7).
    /// </summary>
    [Benchmark(OperationsPerInvoke = Ops)]
    public Task SyncVerb_64Callers_OneThing()
        => Bounded.Concurrent(64, Ops, (_, _) => _startups[0].Invoke(Startup.PrioritizeVerb, """{"by":1}""", BenchVerbs.Prioritize1));

    /// <summary>
    /// The 64 callers of <see cref="SyncVerb_64Callers"/> replacing their things through the collection instead of calling
    /// a verb: a plain update, which shares group commits as a verb does (benchmarks/README.md, write path round 17).
    /// </summary>
    [Benchmark(OperationsPerInvoke = Ops)]
    public Task CollectionUpdate_64Callers()
        => Bounded.Concurrent(64, Ops, (caller, i) => _collection.Update("s" + caller, new Startup { Name = "Startup " + caller, Priority = i }));

    [Benchmark(OperationsPerInvoke = Ops)]
    public Task AsyncVerb_1Caller()
        => Bounded.Loop(Ops, _ => _job.Invoke(Job.RunVerb, null, BenchVerbs.RunOnce));

    [Benchmark(OperationsPerInvoke = Ops)]
    public Task DoAction_1Caller()
        => _actions.Run(static async ctx =>
        {
            await Bounded.Loop(Ops, _ => ctx.Do("noop"));
            return 0;
        });
}
