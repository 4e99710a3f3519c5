using Do.Infrastructure;
using Do.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Do.Tests.Objects;

public sealed class ObjectClientTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _temp = new();
    private readonly FakeTimeProvider _time = new(Start);
    private DoHost _host = null!;

    public async Task InitializeAsync() => _host = await DoHost.StartAsync(o =>
    {
        o.DataPath = _temp.Path;
        o.TimeProvider = _time;
    });

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _temp.Dispose();
    }

    private sealed class Holding : Business
    {
    }

    private sealed class Shop : App
    {
    }

    private sealed class Storefront : Site
    {
    }

    private sealed class Plain : Entity
    {
    }

    private sealed class Studio : Business
    {
        public static readonly VerbInfo LaunchVerb = new("Launch", "launched", IsAsync: false);

        public int Launches { get; set; }
    }

    private static string Ns(string name) => Journal.NewNamespace(name);

    [Fact]
    public async Task AddChild_BuildsBusinessAppSite_WithParentRootAndChildren()
    {
        var business = _host.Object<Holding>(Ns("business"));
        var app = _host.Object<Shop>(Ns("app"));
        var site = _host.Object<Storefront>(Ns("site"));

        await business.AddChild(app);
        await app.AddChild(site);

        Assert.Null(await business.Parent());
        Assert.Null(await business.Root());
        Assert.Equal([(app.Ns, typeof(Shop).FullName!)], (await business.Children()).Select(c => (c.Namespace, c.Class)));
        Assert.Equal((business.Ns, typeof(Holding).FullName, "parent"), Link(await app.Parent()));
        Assert.Equal((business.Ns, typeof(Holding).FullName, "root"), Link(await app.Root()));
        Assert.Equal([site.Ns], (await app.Children()).Select(c => c.Namespace));
        Assert.Equal((app.Ns, typeof(Shop).FullName, "parent"), Link(await site.Parent()));
        Assert.Equal((business.Ns, typeof(Holding).FullName, "root"), Link(await site.Root()));
        Assert.Empty(await site.Children());
        Assert.Equal(Start, (await site.Parent())!.CreatedAt);
    }

    [Fact]
    public async Task AddChild_Again_IsIdempotent_AndMovingAChildReplacesItsParent()
    {
        var first = _host.Object<Holding>(Ns("first"));
        var second = _host.Object<Holding>(Ns("second"));
        var app = _host.Object<Shop>(Ns("app"));

        await first.AddChild(app);
        await first.AddChild(app);
        await second.AddChild(app);

        Assert.Single(await first.Children()); // the old parent keeps its record; unlinking is explicit
        Assert.Single(await second.Children());
        Assert.Equal(second.Ns, (await app.Parent())!.Namespace);
        Assert.Equal(second.Ns, (await app.Root())!.Namespace);
    }

    [Fact]
    public async Task AddChild_ThatBreaksTheHierarchy_IsRefused_AndLinksNothing()
    {
        var business = _host.Object<Holding>(Ns("business"));
        var app = _host.Object<Shop>(Ns("app"));
        var site = _host.Object<Storefront>(Ns("site"));

        var siteUnderBusiness = await Assert.ThrowsAsync<InvalidOperationException>(() => business.AddChild(site));
        var appUnderApp = await Assert.ThrowsAsync<InvalidOperationException>(() => app.AddChild(_host.Object<Shop>(Ns("app2"))));
        var appUnderSite = await Assert.ThrowsAsync<InvalidOperationException>(() => site.AddChild(app));

        Assert.Contains($"{site.Ns} is a Site; its parent must be an App, but {business.Ns} is a Business", siteUnderBusiness.Message, StringComparison.Ordinal);
        Assert.Contains("Business → App → Site", appUnderApp.Message, StringComparison.Ordinal);
        Assert.Contains("must be a Business", appUnderSite.Message, StringComparison.Ordinal);
        Assert.Empty(await business.Children());
        Assert.Null(await site.Parent());
        Assert.Null(await app.Parent());
    }

    [Fact]
    public async Task AddChild_OfItself_IsRefused()
    {
        var business = _host.Object<Holding>(Ns("business"));

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => business.AddChild(_host.Object<Holding>(business.Ns)));

        Assert.Contains("its own child", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddChild_OtherKinds_HaveNoHierarchyRule()
    {
        var entity = _host.Object<Plain>(Ns("entity"));
        var business = _host.Object<Holding>(Ns("business"));

        await entity.AddChild(business);

        Assert.Equal(entity.Ns, (await business.Parent())!.Namespace);
    }

    [Fact]
    public async Task Run_ReturnsTheResult_OfSyncAndAsyncWork()
    {
        var studio = _host.Object<Studio>(Ns("studio"));

        var ns = await studio.Run(ctx => ctx.Ns);
        var created = await studio.Run(async ctx =>
        {
            await ctx.Startups().Create("acme", new Startup { Name = "Acme" });
            return ctx.Things.Get("Startup", "acme")!.Version;
        });

        Assert.Equal(studio.Ns, ns);
        Assert.Equal(1, created);
        Assert.Equal(studio.Namespace, await studio.Run(ctx => ctx.Namespace));
    }

    [Fact]
    public async Task Run_GivesTheContextsStoresAndClock()
    {
        var studio = _host.Object<Studio>(Ns("studio"));

        var (now, id, edges, hits) = await studio.Run(ctx =>
        {
            ctx.Relationships.Link("alice", "founded", "acme");
            ctx.Search.Index("Startup", "acme", "rockets");
            ctx.Objects.Link(ObjectNamespace.Parse("https://parent.example"), "Holding", "parent");
            ctx.Events.Emit("Studio.audited");
            return (ctx.Now, ctx.NewId(), ctx.Relationships.From("alice").Count, ctx.Search.Query("rock").Count);
        });

        Assert.Equal(Start, now);
        Assert.Equal(7, id.Version);
        Assert.Equal(1, edges);
        Assert.Equal(1, hits);
        Assert.Equal("https://parent.example", (await studio.Parent())!.Namespace);
        Assert.Same(_time, await studio.Run(ctx => ctx.Time));
        Assert.Equal("Studio.audited", await studio.Run(ctx => ctx.Events.List()[^1].Type));
        Assert.Empty(await studio.Run(ctx => ctx.Actions.Open()));
    }

    [Fact]
    public async Task Run_AnExceptionPropagates_AndTheObjectStaysUsable()
    {
        var studio = _host.Object<Studio>(Ns("studio"));

        Func<Context, int> fail = _ => throw new FormatException("bad");

        await Assert.ThrowsAsync<FormatException>(() => studio.Run(fail));

        Assert.Equal(2, await studio.Run(_ => 2));
    }

    [Fact]
    public async Task TheContextsStores_OutsideATurn_AreRefused()
    {
        var studio = _host.Object<Studio>(Ns("studio"));
        var leaked = await studio.Run(ctx => ctx);

        var e = Assert.Throws<InvalidOperationException>(() => leaked.Things);

        Assert.Contains("outside one of its turns", e.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => leaked.Search);
    }

    [Fact]
    public async Task DatabasePath_IsUnderTheDataFolder()
    {
        var path = await _host.Object<Studio>(Ns("studio")).DatabasePath();

        Assert.StartsWith(Path.Combine(_host.DataPath, "objects") + Path.DirectorySeparatorChar, path, StringComparison.Ordinal);
        Assert.True(File.Exists(path));
    }

    [Fact]
    public async Task Invoke_AnObjectVerb_RecordsItsActionAndEvent()
    {
        var studio = _host.Object<Studio>(Ns("studio"));

        await studio.Invoke(Studio.LaunchVerb, """{"at":"dawn"}""", (s, _) =>
        {
            s.Launches++;
            return ValueTask.CompletedTask;
        });

        var file = await studio.DatabasePath();
        Assert.Equal(["Launch", "", """{"at":"dawn"}""", "completed"], Sql.Rows(file, "SELECT verb, target, input, status FROM actions")[0]);
        var evt = Sql.Rows(file, "SELECT type, source FROM events")[0];
        Assert.EndsWith("Studio.launched", (string)evt[0]!, StringComparison.Ordinal);
        Assert.Equal(studio.Ns, evt[1]);
    }

    [Fact]
    public async Task InvokeVerb_ByName_RunsTheRegisteredDispatcher()
    {
        RegisterStartupDispatcher();
        var studio = _host.Object<Studio>(Ns("studio"));
        await studio.Startups().Create("acme", new Startup { Name = "Acme" });

        await studio.InvokeVerb("Startup", "acme", "Prioritize", """{"by":3}""");
        await studio.InvokeVerb("Startup", "acme", "Prioritize");

        Assert.Equal(4, (await studio.Startup("acme").Get()).Priority);
        var history = await studio.Startup("acme").History();
        Assert.Equal(["Prioritize", "Prioritize", "create"], history.Select(h => h.Verb));
        var file = await studio.DatabasePath();
        Assert.Equal(2, Sql.Count(file, "events", "type = 'Startup.prioritized'"));
        Assert.Equal("""{"by":3}""", Sql.Scalar(file, "SELECT input FROM actions WHERE verb = 'Prioritize' ORDER BY id LIMIT 1"));
    }

    [Fact]
    public async Task InvokeVerb_WithUnknownNounVerbOrThing_ExplainsWhatExists()
    {
        RegisterStartupDispatcher();
        var studio = _host.Object<Studio>(Ns("studio"));

        var noun = await Assert.ThrowsAsync<ArgumentException>(() => studio.InvokeVerb("Spaceship", "acme", "Launch"));
        var verb = await Assert.ThrowsAsync<ArgumentException>(() => studio.InvokeVerb("Startup", "acme", "Launch"));
        var input = await Assert.ThrowsAsync<ArgumentException>(() => studio.InvokeVerb("Startup", "acme", "Prioritize", "[1]"));
        var thing = await Assert.ThrowsAsync<ThingNotFoundException>(() => studio.InvokeVerb("Startup", "acme", "Prioritize"));

        Assert.Contains("\"Spaceship\" is not a registered noun", noun.Message, StringComparison.Ordinal);
        Assert.Contains("Startup", noun.Message, StringComparison.Ordinal);
        Assert.Contains("Its verbs: Prioritize, Tag", verb.Message, StringComparison.Ordinal);
        Assert.Equal("inputJson", input.ParamName);
        Assert.Contains("does not exist", thing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TypedCollection_CreateGetFindListUpdateDeleteHistory()
    {
        var studio = _host.Object<Studio>(Ns("studio"));
        var startups = studio.Startups();

        await startups.Create("acme", new Startup { Name = "Acme" });
        await startups.Create("globex", new Startup { Name = "Globex" });
        _time.Advance(TimeSpan.FromHours(1));
        await startups.Update("acme", new Startup { Name = "Acme Rockets", Priority = 9 });
        await startups.Delete("globex");

        Assert.Equal("Acme Rockets", (await startups.Get("acme")).Name);
        Assert.Equal("Acme", (await startups.Get("acme@~1")).Name);
        Assert.Equal("Acme", (await startups.Get("acme@2026-11-23T08:30Z")).Name);
        Assert.Null(await startups.Find("globex"));
        Assert.Equal("Globex", (await startups.Find("globex@~1"))!.Name);
        Assert.Equal(["Acme Rockets"], (await startups.List()).Select(s => s.Name));
        var history = await startups.History("globex");
        Assert.Equal([(true, "delete"), (false, "create")], history.Select(h => (h.Deleted, h.Verb)));
        Assert.Null(history[0].Value);
        Assert.Equal("Globex", history[1].Value!.Name);
        Assert.Equal(Start.AddHours(1), history[0].At);
        Assert.Equal(studio.Namespace, startups.Namespace);
    }

    [Fact]
    public async Task TypedGet_OfAMissOrADelete_SaysWhy()
    {
        var studio = _host.Object<Studio>(Ns("studio"));
        await studio.Startups().Create("acme", new Startup { Name = "Acme" });
        await studio.Startups().Delete("acme");

        var missing = await Assert.ThrowsAsync<ThingNotFoundException>(() => studio.Startup("globex").Get());
        var deleted = await Assert.ThrowsAsync<ThingNotFoundException>(() => studio.Startup("acme").Get());
        var tooFar = await Assert.ThrowsAsync<ThingNotFoundException>(() => studio.Startup("acme@~5").Get());

        Assert.Contains($"there is no Startup with id \"globex\" in {studio.Ns}", missing.Message, StringComparison.Ordinal);
        Assert.Contains("it was deleted at v2; read \"acme@~1\"", deleted.Message, StringComparison.Ordinal);
        Assert.Equal("acme@~5", tooFar.Reference);
        Assert.Contains("2 version(s)", tooFar.Message, StringComparison.Ordinal);
        Assert.Equal("Acme", (await studio.Startup("acme@~1").Get()).Name);
    }

    [Fact]
    public async Task TypedCreate_AfterDelete_Works()
    {
        var studio = _host.Object<Studio>(Ns("studio"));
        await studio.Startups().Create("acme", new Startup { Name = "Acme" });
        await studio.Startups().Delete("acme");

        await studio.Startups().Create("acme", new Startup { Name = "Acme again" });

        Assert.Equal("Acme again", (await studio.Startup("acme").Get()).Name);
        Assert.Equal(3, (await studio.Startup("acme").History()).Count);
    }

    [Fact]
    public async Task AVerb_OnAReadOnlyRef_IsRefused()
    {
        var studio = _host.Object<Studio>(Ns("studio"));
        await studio.Startups().Create("acme", new Startup { Name = "Acme" });

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => studio.Startup("acme@~1").Prioritize());

        Assert.Contains("Call it on \"acme\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFullRef_ReachesTheThingInAnotherObject()
    {
        var other = _host.Object<Holding>(Ns("other"));
        await other.Startups().Create("acme", new Startup { Name = "Elsewhere" });
        var studio = _host.Object<Studio>(Ns("studio"));

        var remote = studio.Startup(other.Ns + "/acme");

        Assert.Equal(other.Namespace, remote.Namespace);
        Assert.Equal("acme", remote.Id);
        Assert.Equal("Elsewhere", (await remote.Get()).Name);
        await remote.Prioritize(2);
        Assert.Equal(2, (await other.Startup("acme").Get()).Priority);
        await Assert.ThrowsAsync<ObjectNotFoundException>(() => studio.Startup(Ns("nowhere") + "/acme").Get());
    }

    [Fact]
    public async Task IdsAreScopedPerNoun()
    {
        var studio = _host.Object<Studio>(Ns("studio"));

        await studio.Startups().Create("acme", new Startup { Name = "Acme Startup" });
        await studio.Customers().Create("acme", new Customer { Name = "Acme Customer" });

        Assert.Equal("Acme Startup", (await studio.Startup("acme").Get()).Name);
        Assert.Equal("Acme Customer", (await studio.Customers().Get("acme")).Name);
    }

    private static (string, string, string) Link(ObjectLink? link)
    {
        Assert.NotNull(link);
        return (link.Namespace, link.Class, link.Role);
    }

    /// <summary>
    /// By-name dispatch uses the registry the generator emits for this assembly: its Startup (tests/Do.Sdk.Tests/Generated)
    /// has the same JSON shape as the hand-written test noun, so things written through either are interchangeable.
    /// Registering the hand-written noun here would replace the generated registration for every test in the process.
    /// </summary>
    private static void RegisterStartupDispatcher() => Assert.NotNull(DoRegistry.FindDispatcher("Startup"));
}
