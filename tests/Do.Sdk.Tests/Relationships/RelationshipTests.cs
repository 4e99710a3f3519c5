using Do.Tests.Relationships.Graph;
using Do.Tests.Support;

namespace Do.Tests.Relationships;

/// <summary>Typed relationships: edges across objects by URL, versioned like things.</summary>
public sealed class RelationshipTests
{
    private const string MallNs = "https://mall.example";
    private const string StoreNs = "https://store.example";

    [Fact]
    public async Task Edges_cross_objects_and_read_back_as_they_were_at_a_time_and_a_version()
    {
        using var temp = new TempFolder();
        var clock = FakeClock.Create();
        await using var host = await DoHost.StartAsync(o => { o.DataPath = temp.Path; o.TimeProvider = clock; });
        var mall = host.Object<Mall>(MallNs);
        var store = host.Object<Mall>(StoreNs);
        await mall.Shoppers.Create("alice", new Shopper { Name = "Alice" });
        await store.Gadgets.Create("p1", new Gadget { Title = "Phone", Price = 500 });
        await store.Gadgets.Create("p2", new Gadget { Title = "Pager", Price = 20 });

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(await mall.Shopper("alice").Relate("purchased", store.Gadget("p1"), """{"qty":1}"""));
        var afterFirst = (await mall.Shopper("alice").History())[0].Version;
        await mall.Shopper("alice").Rename("Alice B.");
        var renamed = (await mall.Shopper("alice").History())[0].Version;
        clock.Advance(TimeSpan.FromMinutes(1));
        var firstTime = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(await mall.Shopper("alice").Relate("purchased", store.Gadget("p2")));
        Assert.True(await mall.Shopper("alice").Unrelate("purchased", store.Gadget("p1")));
        Assert.False(await mall.Shopper("alice").Unrelate("purchased", store.Gadget("p1")));

        var now = await mall.Shopper("alice").Related<Gadget>("purchased");
        var pager = Assert.Single(now);
        Assert.Equal(StoreNs + "/p2", pager.Id);
        Assert.Equal("Pager", pager.Value!.Title);
        Assert.Null(pager.Data);

        var then = await mall.Shopper($"alice@{firstTime.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}").Related<Gadget>("purchased");
        var phone = Assert.Single(then);
        Assert.Equal(StoreNs + "/p1", phone.Id);
        Assert.Equal("Phone", phone.Value!.Title);
        Assert.Equal("""{"qty":1}""", phone.Data);
        Assert.Equal([StoreNs + "/p1"], (await mall.Shopper($"alice@v{renamed}").Related<Gadget>()).Select(r => r.Id));
        Assert.Equal(["purchased"], (await mall.Shopper("alice@~0").Related<Gadget>()).Select(r => r.Type));
        Assert.True(afterFirst < renamed);

        // The target's object lists the edge as incoming; a thing of another noun is not a Gadget.
        var buyers = await store.Gadget("p2").RelatedFrom<Shopper>("purchased");
        Assert.Equal([MallNs + "/alice"], buyers.Select(b => b.Id));
        Assert.Equal("Alice B.", buyers[0].Value!.Name);
        Assert.Empty(await store.Gadget("p1").RelatedFrom<Shopper>("purchased"));
        Assert.Empty(await mall.Shopper("alice").Related<Shopper>());
    }

    [Fact]
    public async Task A_merge_adds_an_edge_made_on_a_branch()
    {
        using var temp = new TempFolder();
        await using var host = await DoHost.StartAsync(o => o.DataPath = temp.Path);
        var mall = host.Object<Mall>(MallNs);
        await mall.Shoppers.Create("alice", new Shopper { Name = "Alice" });
        await mall.Gadgets.Create("p1", new Gadget { Title = "Phone" });

        await mall.Branch("gifts");
        await mall.Checkout("gifts");
        await mall.Shopper("alice").RelatePurchases(mall.Gadget("p1"), """{"gift":true}""");
        Assert.Single(await mall.Shopper("alice").Purchases());
        await mall.Checkout("main");
        Assert.Empty(await mall.Shopper("alice").Purchases());
        Assert.Equal(["gifts"], (await mall.Shopper("alice@gifts").Related<Gadget>()).Select(_ => "gifts"));

        await mall.Merge("gifts");

        var merged = Assert.Single(await mall.Shopper("alice").Purchases());
        Assert.Equal(MallNs + "/p1", merged.Id);
        Assert.Equal("""{"gift":true}""", merged.Data);
        Assert.Equal([MallNs + "/alice"], (await mall.Gadget("p1").RelatedFrom<Shopper>("purchased")).Select(r => r.Id));
    }

    [Fact]
    public async Task Fork_and_compact_carry_edges()
    {
        using var temp = new TempFolder();
        await using var host = await DoHost.StartAsync(o => o.DataPath = temp.Path);
        var mall = host.Object<Mall>(MallNs);
        var store = host.Object<Mall>(StoreNs);
        await mall.Shoppers.Create("alice", new Shopper { Name = "Alice" });
        await mall.Gadgets.Create("p1", new Gadget { Title = "Phone" });
        await store.Gadgets.Create("p2", new Gadget { Title = "Pager" });
        await mall.Shopper("alice").Relate("purchased", mall.Gadget("p1"));
        await mall.Shopper("alice").Relate("purchased", store.Gadget("p2"));
        await mall.Shopper("alice").Unrelate("purchased", store.Gadget("p2"));
        await mall.Shopper("alice").Relate("purchased", store.Gadget("p2"), """{"again":true}""");

        await mall.Compact();
        Assert.Equal([MallNs + "/p1", StoreNs + "/p2"], (await mall.Shopper("alice").Purchases()).Select(r => r.Id));

        var fork = await mall.Fork("https://fork.example");
        var forked = await fork.Ref<Shopper>("alice").Related<Gadget>("purchased");
        // The local edge follows the fork to its new namespace; the edge to another object still points there.
        Assert.Equal(["https://fork.example/p1", StoreNs + "/p2"], forked.Select(r => r.Id));
        Assert.Equal("Phone", forked[0].Value!.Title);
        Assert.Equal("""{"again":true}""", forked[1].Data);
    }

    [Fact]
    public async Task Bad_relation_input_is_refused_and_writes_nothing()
    {
        using var temp = new TempFolder();
        await using var host = await DoHost.StartAsync(o => o.DataPath = temp.Path);
        var mall = host.Object<Mall>(MallNs);
        await mall.Gadgets.Create("p1", new Gadget { Title = "Phone" });

        var type = await Assert.ThrowsAsync<ArgumentException>(() => mall.Shopper("alice").Relate("bought it", mall.Gadget("p1")));
        Assert.Contains("\"bought it\"", type.Message, StringComparison.Ordinal);
        Assert.Contains("starting with a letter", type.Message, StringComparison.Ordinal);
        var data = await Assert.ThrowsAsync<ArgumentException>(() => mall.Shopper("alice").Relate("purchased", mall.Gadget("p1"), "[1]"));
        Assert.Contains("JSON object", data.Message, StringComparison.Ordinal);
        var readOnly = await Assert.ThrowsAsync<InvalidOperationException>(() => mall.Shopper("alice@~1").Relate("purchased", mall.Gadget("p1")));
        Assert.Contains("read-only", readOnly.Message, StringComparison.Ordinal);
        var events = await mall.Transport.EventsAsync(0, 1000, default);
        await Assert.ThrowsAsync<ThingNotFoundException>(() => mall.Shopper("alice").Relate("purchased", mall.Gadget("p1")));

        Assert.Equal(events.Count, (await mall.Transport.EventsAsync(0, 1000, default)).Count);
        Assert.Empty(await mall.Gadget("p1").RelatedFrom<Shopper>());
    }
}
