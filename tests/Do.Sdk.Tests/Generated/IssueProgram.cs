// The issue's program, unchanged apart from the namespace (kept apart from the hand-written Do.Tests.Support nouns)
// and a list where the Prioritized handler also records what it saw.
namespace Do.Tests.Generated.IssueProgram;

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
    public static readonly System.Collections.Concurrent.ConcurrentQueue<string> Prioritized = new();

    protected override void Configure(Context ctx)
    {
        ctx.On.Customer.Created(async (customer, ctx) => await ctx.Startups.Create(customer.Name.ToLowerInvariant(), new Startup { Name = customer.Name }));
        ctx.On.Startup.Prioritized((startup, ctx) =>
        {
            Console.WriteLine($"{startup.Name} -> {startup.Priority}");
            Prioritized.Enqueue($"{ctx.Ns} {startup.Name} -> {startup.Priority}");
            return Task.CompletedTask;
        });
        ctx.Every.Monday.At9am(ctx => ctx.Startup("acme").Prioritize());
    }
}
