// The startup-studio objects on a 2-silo Orleans cluster on localhost, sharing one data root.
// Run it with: dotnet run --project samples/Do.Sdk.Orleans.Sample
using System.Net;
using Do;
using Do.Orleans;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using StartupStudio;

var dataPath = Path.GetFullPath(args.Length > 0 ? args[0] : Path.Combine("data", "startup-studio-cluster"));
if (Directory.Exists(dataPath))
{
    Directory.Delete(dataPath, recursive: true); // the sample starts from scratch each run
}

// Two silos in this process, each with its own ports, both pointing at the same data root (a shared volume in production).
var primary = new IPEndPoint(IPAddress.Loopback, 11111);
var silos = new List<IHost>();
for (int i = 0; i < 2; i++)
{
    var silo = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
    silo.Logging.SetMinimumLevel(LogLevel.Warning);
    var index = i;
    silo.UseOrleans(orleans => orleans
        .UseLocalhostClustering(siloPort: 11111 + index, gatewayPort: 30000 + index, primarySiloEndpoint: primary)
        .Configure<SiloOptions>(o => o.SiloName = $"silo-{index}")
        .UseInMemoryReminderService() // each scheduled object keeps a reminder; use a persistent reminder store in production
        .AddDurableObjects(o => o.DataPath = dataPath));
    var host = silo.Build();
    await host.StartAsync();
    silos.Add(host);
}

var clientBuilder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
clientBuilder.Logging.SetMinimumLevel(LogLevel.Warning);
clientBuilder.UseOrleansClient(client => client.UseLocalhostClustering([30000, 30001]).AddDurableObjects());
using var clientHost = clientBuilder.Build();
await clientHost.StartAsync();
var cluster = clientHost.Services.GetRequiredService<IClusterClient>();

var studio = cluster.Object<Studio>("https://startups.studio");
var where = cluster.GetGrain<IDurableObjectGrain>(studio.Ns);

Account.Heading("1. The same objects, now on a cluster");
await studio.Customers.Create("alice", new Customer { Name = "Alice", Email = "alice@example.com" });
await studio.Startups.Create("acme", new Startup { Name = "Acme", Stage = Stage.Building });
await studio.Startup("acme").Prioritize(2);
await studio.Startup("acme").Launch();
Account.Line($"studio runs on {await where.Wake()}; startups: {string.Join(", ", (await studio.Startups.List()).Select(s => $"{s.Name} ({s.Stage}, priority {s.Priority})"))}");

Account.Heading("2. Time travel and a branch, through the grain");
await studio.Branch("pivot");
await studio.Checkout("pivot");
await studio.Startup("alice").Prioritize(5);
await studio.Checkout("main");
var merge = await studio.Merge("pivot");
Account.Line($"merged pivot: {merge.Changed} change(s); alice priority {(await studio.Startup("alice").Get()).Priority}; acme@~1 priority {(await studio.Startup("acme@~1").Get()).Priority}");

Account.Heading("3. MoveTo another silo: the grain migrates, the data stays");
var from = await where.Wake();
var to = from == "silo-0" ? "silo-1" : "silo-0";
await studio.MoveTo(to);
await studio.Startup("acme").Prioritize();
Account.Line($"moved from {from} to {await where.Wake()}; acme priority {(await studio.Startup("acme").Get()).Priority}, {(await studio.Startup("acme").History()).Count} versions");
Account.Line($"data root shared by both silos: {dataPath}");

await clientHost.StopAsync();
foreach (var silo in Enumerable.Reverse(silos))
{
    await silo.StopAsync();
    silo.Dispose();
}
