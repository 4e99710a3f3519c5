using System.Text;
using BenchmarkDotNet.Attributes;
using Do.Benchmarks.Support;
using Do.Client;
using Do.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Do.Benchmarks;

/// <summary>
/// A verb over HTTP, one caller in sequence, on a real Kestrel on 127.0.0.1. Ours: <c>Prioritize(1)</c> through
/// <c>DoClient</c>'s typed client and <c>MapDurableObjects</c> (routing, problem-details filter, by-name dispatch, a turn,
/// HEAD read, JSON round trip, version + action + event rows in one commit). Baseline: a plain minimal-API endpoint in
/// the same app that reads the same JSON body and writes one row per transaction (prepared BEGIN IMMEDIATE / INSERT /
/// COMMIT, WAL, synchronous NORMAL, like the host's file). Both without authentication. For reference, the same verb
/// called in the server's process.
/// </summary>
[BenchmarkCategory("Http")]
public class HttpVerbBenchmarks
{
    public const int Ops = 256;
    private const string Input = """{"by":1}""";
    private const string Payload = """{"name":"Acme","priority":1,"tags":[]}""";

    private readonly Lock _rawLock = new();
    private TempFolder _folder = null!;
    private WebApplication _app = null!;
    private HttpClient _http = null!;
    private ThingRef<Startup> _remote = null!;
    private ThingRef<Startup> _local = null!;
    private SqliteConnection _raw = null!;
    private SqliteCommand _begin = null!;
    private SqliteCommand _insert = null!;
    private SqliteCommand _commit = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        // The hand-written test noun is not generated, so its by-name dispatch (what the server runs) is registered here.
        DoRegistry.Register([Startup.Noun], [], new Dictionary<string, NounVerbDispatcher> { ["Startup"] = BenchVerbs.Dispatch });
        _folder = new TempFolder("http");
        _raw = BenchHost.OpenRaw(Path.Combine(_folder.Path, "raw.db"), SynchronousMode.Normal);
        using (var create = _raw.CreateCommand())
        {
            create.CommandText = "CREATE TABLE t (id INTEGER PRIMARY KEY, data TEXT NOT NULL)";
            create.ExecuteNonQuery();
        }

        _begin = BenchHost.Prepare(_raw, "BEGIN IMMEDIATE");
        _insert = BenchHost.Prepare(_raw, "INSERT INTO t (data) VALUES ($data)");
        _insert.Parameters.Add(new SqliteParameter("$data", Payload));
        _commit = BenchHost.Prepare(_raw, "COMMIT");

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddDurableObjects(o =>
        {
            o.DataPath = Path.Combine(_folder.Path, "data");
            o.Synchronous = SynchronousMode.Normal;
            o.IdleTimeout = TimeSpan.FromHours(1);
            o.SchedulerInterval = TimeSpan.FromMinutes(10);
        });
        _app = builder.Build();
        _app.MapDurableObjects(configure: o => o.AllowAnonymous = true);
        _app.MapPost("/plain/{id}", PlainWrite);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _http = new HttpClient { BaseAddress = new Uri(address) };
        var studio = new DoClient(_http).Object<Business>(BenchHost.Ns);
        await studio.Collection<Startup>().Create("acme", new Startup { Name = "Acme" });
        _remote = studio.Ref<Startup>("acme");
        _local = _app.Services.GetRequiredService<DoHost>().Object<Business>(BenchHost.Ns).Ref<Startup>("acme");
        await _remote.Invoke(Startup.PrioritizeVerb, Input, BenchVerbs.Prioritize1);
        await Plain();
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _begin.Dispose();
        _insert.Dispose();
        _commit.Dispose();
        _raw.Dispose();
        _folder.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Ops)]
    public Task Plain_MinimalApi_OneRow() => Bounded.Loop(Ops, _ => Plain());

    [Benchmark(OperationsPerInvoke = Ops)]
    public Task Do_TypedClient_Verb() => Bounded.Loop(Ops, _ => _remote.Invoke(Startup.PrioritizeVerb, Input, BenchVerbs.Prioritize1));

    /// <summary>The same verb on the same object from inside the server process: what HTTP adds is the difference.</summary>
    [Benchmark(OperationsPerInvoke = Ops)]
    public Task Do_InProcess_Verb() => Bounded.Loop(Ops, _ => _local.Invoke(Startup.PrioritizeVerb, Input, BenchVerbs.Prioritize1));

    private async Task Plain()
    {
        using var response = await _http.PostAsync(new Uri("/plain/acme", UriKind.Relative), new StringContent(Input, Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
    }

    private async Task<IResult> PlainWrite(HttpRequest request, string id)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        if (body.Length == 0 || id.Length == 0)
        {
            return Results.BadRequest();
        }

        lock (_rawLock)
        {
            _begin.ExecuteNonQuery();
            _insert.ExecuteNonQuery();
            _commit.ExecuteNonQuery();
        }

        return Results.NoContent();
    }
}
