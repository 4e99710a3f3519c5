using Do;

// The packed Do.Sdk as a user meets it: the issue's program, built against the package with warnings as errors.
// PackagedConsumerTests runs it with a data folder and checks what it prints.
if (args is not [var dataPath])
{
    Console.Error.WriteLine("usage: Works <data folder>");
    return 2;
}

await using var host = await DoHost.StartAsync(o => o.DataPath = dataPath);
var studio = host.Object<Studio>("https://startups.studio");
await studio.Customers.Create("alice", new Customer { Name = "Alice", Email = "alice@example.com" });
await studio.Startups.Create("acme", new Startup { Name = "Acme" });
await studio.Startup("acme").Prioritize(2);
await studio.Startup("acme").Tag("ai");
Startup now = await studio.Startup("acme").Get();
Startup before = await studio.Startup("acme@~1").Get();
IReadOnlyList<Startup> all = await studio.Startups.List();

Console.WriteLine($"now: priority {now.Priority}, tags [{string.Join(",", now.Tags)}]");
Console.WriteLine($"before: priority {before.Priority}, tags [{string.Join(",", before.Tags)}]");
Console.WriteLine($"all: {string.Join(", ", all.Select(s => s.Name))}");
Console.WriteLine($"objects: {string.Join(", ", host.Catalog().Select(entry => entry.Namespace))}");
return 0;

[Noun]
public partial class Customer
{
    public string Name { get; set; } = "";
    [Indexed] public string Email { get; set; } = "";
}

[Noun]
public partial class Startup
{
    public string Name { get; set; } = "";
    public int Priority { get; set; }
    public List<string> Tags { get; set; } = new();

    [Verb] public void Prioritize(int by = 1) => Priority += by;
    [Verb] public void Tag(string tag) => Tags.Add(tag);
}

public partial class Studio : Business
{
    protected override void Configure(Context ctx)
    {
        ctx.On.Customer.Created(async (customer, ctx) =>
            await ctx.Startups.Create(customer.Name.ToLowerInvariant(), new Startup { Name = customer.Name }));
        ctx.On.Startup.Prioritized((startup, ctx) =>
        {
            Console.WriteLine($"{startup.Name} -> {startup.Priority}");
            return Task.CompletedTask;
        });
        ctx.Every.Monday.At9am(ctx => ctx.Startup("acme").Prioritize());
    }
}
