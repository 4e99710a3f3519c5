namespace Do.Sdk.Generators.Tests.Support;

/// <summary>User code the tests feed the generator.</summary>
internal static class Sources
{
    public const string IssueProgram = """
        using Do;

        namespace Studio.App;

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
                ctx.On.Customer.Created(async (customer, ctx) => await ctx.Startups.Create(customer.Name.ToLowerInvariant(), new Startup { Name = customer.Name }));
                ctx.On.Startup.Prioritized((startup, ctx) => { Console.WriteLine($"{startup.Name} -> {startup.Priority}"); return Task.CompletedTask; });
                ctx.Every.Monday.At9am(ctx => ctx.Startup("acme").Prioritize());
            }
        }

        public static class Program
        {
            public static async Task Main()
            {
                await using var host = await DoHost.StartAsync(o => o.DataPath = "data");
                var studio = host.Object<Studio>("https://startups.studio");
                await studio.Customers.Create("alice", new Customer { Name = "Alice", Email = "alice@example.com" });
                await studio.Startups.Create("acme", new Startup { Name = "Acme" });
                await studio.Startup("acme").Prioritize(2);
                await studio.Startup("acme").Tag("ai");
                Startup now = await studio.Startup("acme").Get();
                Startup before = await studio.Startup("acme@~1").Get();
                IReadOnlyList<Startup> all = await studio.Startups.List();
            }
        }
        """;
}
