using Do.Tests.Support;

namespace Do.Tests.Hosting;

public sealed class SmokeTests
{
    private sealed class Studio : Business
    {
        public List<string> Seen { get; } = [];

        protected override void Configure(Context ctx)
        {
            ctx.On.Subscribe<Customer>("Customer.created", async (customer, ctx) =>
                await ctx.Startups().Create(customer.Name.ToLowerInvariant(), new Startup { Name = customer.Name }));
            ctx.On.Subscribe<Startup>("Startup.prioritized", (startup, _) =>
            {
                Seen.Add($"{startup.Name} -> {startup.Priority}");
                return Task.CompletedTask;
            });
        }
    }

    [Fact]
    public async Task The_issue_program_works_with_hand_written_accessors()
    {
        using var temp = new TempFolder();
        await using var host = await DoHost.StartAsync(o => o.DataPath = temp.Path);
        var studio = host.Object<Studio>("https://startups.studio");
        await studio.Customers().Create("alice", new Customer { Name = "Alice", Email = "alice@example.com" });
        await studio.Startups().Create("acme", new Startup { Name = "Acme" });
        await studio.Startup("acme").Prioritize(2);
        await studio.Startup("acme").Tag("ai");

        var now = await studio.Startup("acme").Get();
        var before = await studio.Startup("acme@~1").Get();
        var all = await studio.Startups().List();

        Assert.Equal(2, now.Priority);
        Assert.Equal(["ai"], now.Tags);
        Assert.Equal(2, before.Priority);
        Assert.Empty(before.Tags);
        Assert.Equal(["acme", "alice"], all.Select(s => s.Name.ToLowerInvariant()));
    }
}
