// A user's first cluster: objects on a 3-silo Orleans InProcessTestCluster through the packed packages, with only
// AddDurableObjects and Object<T>. Prints one line per check; PackagedConsumerTests asserts them.
using System.Collections.Concurrent;
using Do;
using Do.Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.TestingHost;

var data = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "data");
Directory.CreateDirectory(data);

var builder = new InProcessTestClusterBuilder(3);
builder.Options.ConfigureFileLogging = false;
builder.ConfigureSilo((_, silo) =>
{
    silo.AddDurableObjects(o => o.DataPath = data); // one data root shared by the silos
    silo.Configure<ClusterMembershipOptions>(o =>
    {
        // A killed silo is declared dead in seconds, not minutes.
        o.ProbeTimeout = TimeSpan.FromSeconds(1);
        o.NumMissedProbesLimit = 2;
        o.NumVotesForDeathDeclaration = 1;
    });
});
builder.ConfigureClient(client => client.AddDurableObjects());
await using var cluster = builder.Build();
await cluster.DeployAsync();
var client = cluster.Client;
var silos = cluster.Silos.Select(s => s.Name).ToList();

// 1. Concurrent verbs on many objects lose no update; each event is handled once.
var boards = Enumerable.Range(0, 5).Select(i => client.Object<Board>($"https://boards.example/b{i}")).ToList();
foreach (var board in boards)
{
    await board.Counters.Create("c", new Counter());
}

await Task.WhenAll(boards.SelectMany(b => Enumerable.Range(0, 20).Select(_ => b.Counter("c").Increment())));
var values = new List<int>();
foreach (var board in boards)
{
    values.Add((await board.Counter("c").Get()).Value);
}

Console.WriteLine($"concurrent: {string.Join(",", values)}");
await Until(() => Task.FromResult(Board.Handled.Count == 100), "every event is handled");
Console.WriteLine($"handlers: {Board.Handled.Count} events, each once: {Board.Handled.Values.All(n => n == 1)}");

// 2. A cross-object call between silos: A on the first silo calls B on the second, which calls A back.
var a = client.Object<Board>("https://boards.example/relay-a");
var b = client.Object<Board>("https://boards.example/relay-b");
await a.Counters.Create("c", new Counter());
await b.Counters.Create("c", new Counter());
Console.WriteLine($"placed: {await a.MoveTo(silos[0]) == silos[0]} {await b.MoveTo(silos[1]) == silos[1]}");
await a.Relay(b.Ns, 2);
Console.WriteLine($"cross: a has {(await a.Notes.List()).Count} notes, b has {(await b.Notes.List()).Count}");

// 3. Branches and time travel on a clustered object.
var history = client.Object<Board>("https://boards.example/history");
await history.Counters.Create("c", new Counter());
await history.Counter("c").Increment(1);
await history.Counter("c").Increment(2);
await history.Branch("experiment");
await history.Checkout("experiment");
await history.Counter("c").Increment(10);
var onBranch = (await history.Counter("c").Get()).Value;
await history.Checkout("main");
Console.WriteLine($"time travel: now {(await history.Counter("c").Get()).Value}, ~1 {(await history.Counter("c@~1").Get()).Value}, experiment {onBranch}, branches {string.Join(" ", await history.Branches())}");

// 4. MoveTo another silo keeps the data, and the object takes writes there.
var moving = client.Object<Board>("https://boards.example/moving");
await moving.Counters.Create("c", new Counter());
await moving.Counter("c").Increment(4);
await moving.MoveTo(silos[2]);
var afterMove = (await moving.Counter("c").Get()).Value;
await moving.Counter("c").Increment();
Console.WriteLine($"moved: {afterMove} then {(await moving.Counter("c").Get()).Value}");

// 5. A silo dies: every acknowledged write is readable and writes continue on the silos left.
var victim = cluster.Silos[1];
var survivors = Enumerable.Range(0, 4).Select(i => client.Object<Board>($"https://boards.example/survivor-{i}")).ToList();
foreach (var board in survivors)
{
    await board.Counters.Create("c", new Counter());
    await board.MoveTo(victim.Name);
}

await Task.WhenAll(survivors.SelectMany(s => Enumerable.Range(0, 5).Select(_ => s.Counter("c").Increment())));
await cluster.KillSiloAsync(victim);
var readable = 0;
foreach (var board in survivors)
{
    await Until(async () => (await board.Counter("c").Get()).Value == 5, $"{board.Ns} reads its acknowledged writes");
    await board.Counter("c").Increment();
    readable += (await board.Counter("c").Get()).Value == 6 ? 1 : 0;
}

Console.WriteLine($"killed: {readable} of {survivors.Count} objects kept every write and took another");

// Polls a condition; a cluster still noticing a dead silo answers with errors first, which count as "not yet".
static async Task Until(Func<Task<bool>> condition, string what)
{
    var deadline = TimeProvider.System.GetUtcNow() + TimeSpan.FromSeconds(60);
    while (true)
    {
        try
        {
            if (await condition())
            {
                return;
            }
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException or global::Orleans.Runtime.OrleansException or ObjectDisposedException or TaskCanceledException)
        {
        }

        if (TimeProvider.System.GetUtcNow() > deadline)
        {
            throw new TimeoutException("Gave up waiting until " + what);
        }

        await Task.Delay(50);
    }
}

/// <summary>A counter: each increment is one version, one action and one Counter.incremented event.</summary>
[Noun]
public partial class Counter
{
    public int Value { get; set; }

    [Verb] public void Increment(int by = 1) => Value += by;
}

/// <summary>A note left by a relay hop.</summary>
[Noun]
public partial class Note
{
    public string Text { get; set; } = "";
}

/// <summary>The clustered object: counters whose handler counts its runs, and a verb that calls across objects.</summary>
public partial class Board : Business
{
    public static readonly ConcurrentDictionary<string, int> Handled = new(StringComparer.Ordinal);

    protected override void Configure(Context ctx)
        => ctx.On.Counter.Incremented((counter, ctx) =>
        {
            if (ctx.Ns.StartsWith("https://boards.example/b", StringComparison.Ordinal))
            {
                Handled.AddOrUpdate($"{ctx.Ns} {counter.Value}", 1, static (_, n) => n + 1);
            }

            return Task.CompletedTask;
        });

    /// <summary>Leaves a note here, then hands the relay to <paramref name="other"/>, which hands it back.</summary>
    [Verb]
    public async Task Relay(string other, int hops, Context ctx)
    {
        await ctx.Notes.Create($"hop-{hops}", new Note { Text = $"hop {hops} in {ctx.Ns}" });
        if (hops > 0)
        {
            await ctx.Object<Board>(other).Relay(ctx.Ns, hops - 1);
        }
    }
}
