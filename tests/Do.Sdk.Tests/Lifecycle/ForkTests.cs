using Do.Tests.Support;

namespace Do.Tests.Lifecycle;

public sealed class ForkTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_fork_carries_relationships_and_the_search_index()
    {
        await using var host = await DoHost.StartAsync(o => o.DataPath = _temp.File("data"));
        var obj = host.Object<Business>("https://origin.example");
        await obj.Startups().Create("acme", new Startup { Name = "Acme" });
        await obj.Customers().Create("alice", new Customer { Name = "Alice", Email = "alice@example.com" });
        await obj.Run(ctx =>
        {
            ctx.Relationships.Link("alice", "founded", "acme", """{"year":2026}""");
            ctx.Relationships.Link("acme", "invested-by", "https://vc.example/fund-1");
            ctx.Search.Index("Startup", "acme", "rocket engines for small satellites");
            return true;
        });

        var fork = await obj.Fork("https://fork.example");
        await obj.Run(ctx => ctx.Relationships.Unlink("alice", "founded", "acme")); // the fork is independent

        var (founded, invested, hits) = await fork.Run(ctx => (ctx.Relationships.From("alice"), ctx.Relationships.From("acme"), ctx.Search.Query("satellite")));
        var edge = Assert.Single(founded);
        Assert.Equal(("founded", "acme", """{"year":2026}"""), (edge.Type, edge.To, edge.Data));
        Assert.Equal("https://vc.example/fund-1", Assert.Single(invested).To);
        var hit = Assert.Single(hits);
        Assert.Equal(("acme", "Startup"), (hit.ThingId, hit.Noun));
    }

    [Fact]
    public async Task A_fork_starts_with_nothing_to_replay_its_handlers_never_see_the_copied_history()
    {
        await using var host = await DoHost.StartAsync(o => o.DataPath = _temp.File("data"));
        var (origin, copy) = (Journal.NewNamespace("origin"), Journal.NewNamespace("fork"));
        var obj = host.Object<StartupWatcher>(origin);
        await obj.Startups().Create("acme", new Startup { Name = "Acme" });

        var fork = await obj.Fork(copy);
        var (events, waiting) = await fork.Run(ctx => (ctx.Events.List(), ctx.Events.Undispatched())); // activates the fork
        await fork.Startups().Create("beta", new Startup { Name = "Beta" });

        Assert.Contains(events, e => e.Type == "Startup.created" && e.Thing == "acme"); // derived from the fork's own action
        Assert.Contains(events, e => e.Type == "fork.created"); // stored
        Assert.Empty(waiting);
        Assert.Equal(["Startup.created acme"], Journal.Of(origin));
        Assert.Equal(["Startup.created beta"], Journal.Of(copy)); // only what happened after the fork
    }

    /// <summary>Records every Startup event it handles, by namespace.</summary>
    private sealed class StartupWatcher : Business
    {
        protected override void Configure(Context ctx)
            => ctx.On.Subscribe("Startup.*", (e, ctx) =>
            {
                Journal.Add(ctx.Ns, $"{e.Type} {e.Thing}");
                return Task.CompletedTask;
            });
    }
}
