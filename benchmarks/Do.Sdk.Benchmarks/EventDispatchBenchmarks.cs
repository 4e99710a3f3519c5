using BenchmarkDotNet.Attributes;
using Do.Benchmarks.Support;

namespace Do.Benchmarks;

/// <summary>
/// Event dispatch: a synchronous verb (synchronous=NORMAL) whose <c>Startup.prioritized</c> event goes to 0, 1 or 10
/// no-op handlers after commit, inside the turn. Baseline: the same verb with no handlers (the event is stored
/// already dispatched). Results are per verb, i.e. per event.
/// </summary>
[BenchmarkCategory("Events")]
public class EventDispatchBenchmarks
{
    public const int Ops = 512;

    private TempFolder _folder = null!;
    private DoHost _host = null!;
    private ThingRef<Startup> _none = null!;
    private ThingRef<Startup> _one = null!;
    private ThingRef<Startup> _ten = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _folder = new TempFolder("events");
        _host = await BenchHost.StartAsync(_folder.Path);
        _none = await Seed(_host.Object<Business>("https://none.bench.example"));
        _one = await Seed(_host.Object<OneHandlerStudio>("https://one.bench.example"));
        _ten = await Seed(_host.Object<TenHandlerStudio>("https://ten.bench.example"));
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _host.DisposeAsync();
        _folder.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Ops)]
    public Task NoHandlers() => Run(_none);

    [Benchmark(OperationsPerInvoke = Ops)]
    public Task OneHandler() => Run(_one);

    [Benchmark(OperationsPerInvoke = Ops)]
    public Task TenHandlers() => Run(_ten);

    private static Task Run(ThingRef<Startup> startup)
        => Bounded.Loop(Ops, _ => startup.Invoke(Startup.PrioritizeVerb, """{"by":1}""", BenchVerbs.Prioritize1));

    private static async Task<ThingRef<Startup>> Seed<TObject>(ObjectClient<TObject> studio)
        where TObject : DurableObject
    {
        await studio.Collection<Startup>().Create("acme", new Startup { Name = "Acme" });
        return studio.Ref<Startup>("acme");
    }
}
