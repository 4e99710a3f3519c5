using BenchmarkDotNet.Attributes;
using Do.Benchmarks.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Hosting;

namespace Do.Benchmarks;

/// <summary>
/// Cross-object call round trips without storage, one caller in sequence. Ours: from object A's turn,
/// <c>ObjectClient.Run(ctx =&gt; 1)</c> on object B (the host's call path: activation lookup, turn gate, call chain).
/// Baseline: Microsoft Orleans in-process (localhost clustering), grain A calling a trivial grain B from inside its own
/// call. Floor: a bare <see cref="System.Threading.Channels.Channel{T}"/> mailbox. Orleans is only started for its own
/// cases, so its threads do not compete with ours on 2 cores.
/// </summary>
[BenchmarkCategory("Calls")]
public class CallBenchmarks
{
    public const int Ops = 2_000;

    private TempFolder? _folder;
    private DoHost? _do;
    private ObjectClient<Business> _a = null!;
    private ObjectClient<Business> _b = null!;
    private IHost? _orleans;
    private IGrainFactory _grains = null!;
    private ChannelMailbox? _mailbox;

    [GlobalSetup(Targets = [nameof(Orleans_GrainToGrain), nameof(Orleans_ClientToGrain)])]
    public async Task SetupOrleans()
    {
        _orleans = new HostBuilder()
            .UseOrleans(silo => silo.UseLocalhostClustering())
            .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .Build();
        await _orleans.StartAsync();
        _grains = _orleans.Services.GetRequiredService<IGrainFactory>();
        _ = await _grains.GetGrain<IPingGrain>(0).CallOther(1, 100);
    }

    [GlobalSetup(Targets = [nameof(Do_CrossObject), nameof(Do_ClientToObject)])]
    public async Task SetupDo()
    {
        _folder = new TempFolder("calls");
        _do = await BenchHost.StartAsync(_folder.Path);
        _a = _do.Object<Business>("https://a.bench.example");
        _b = _do.Object<Business>("https://b.bench.example");
        _ = await _a.Run(static _ => 1);
        _ = await _b.Run(static _ => 1);
    }

    [GlobalSetup(Target = nameof(Channel_Mailbox))]
    public void SetupChannel() => _mailbox = new ChannelMailbox();

    [GlobalCleanup]
    public async Task Cleanup()
    {
        if (_orleans is not null)
        {
            await _orleans.StopAsync();
            _orleans.Dispose();
        }

        if (_do is not null)
        {
            await _do.DisposeAsync();
        }

        if (_mailbox is not null)
        {
            await _mailbox.DisposeAsync();
        }

        _folder?.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Ops)]
    public Task<int> Orleans_GrainToGrain() => _grains.GetGrain<IPingGrain>(0).CallOther(1, Ops);

    [Benchmark(OperationsPerInvoke = Ops)]
    public Task Orleans_ClientToGrain()
    {
        var grain = _grains.GetGrain<IPingGrain>(1);
        return Bounded.Loop(Ops, _ => grain.Ping());
    }

    [Benchmark(OperationsPerInvoke = Ops)]
    public Task<int> Do_CrossObject()
    {
        var b = _b.Ns;
        return _a.Run(async ctx =>
        {
            var other = ctx.Object<Business>(b);
            await Bounded.Loop(Ops, _ => other.Run(static _ => 1));
            return 0;
        });
    }

    [Benchmark(OperationsPerInvoke = Ops)]
    public Task Do_ClientToObject() => Bounded.Loop(Ops, _ => _b.Run(static _ => 1));

    [Benchmark(OperationsPerInvoke = Ops)]
    public Task Channel_Mailbox() => Bounded.Loop(Ops, _ => _mailbox!.Call(static () => 1));
}
