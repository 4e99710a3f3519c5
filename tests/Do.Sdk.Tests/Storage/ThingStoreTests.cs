using Do.Storage;
using Do.Tests.Support;

namespace Do.Tests.Storage;

public sealed class ThingStoreTests : IDisposable
{
    private const string Acme = """{"name":"Acme","priority":0}""";
    private readonly TestDatabase _test = new();

    private ThingStore Things => _test.Db.Things;

    public void Dispose() => _test.Dispose();

    private static string Startup(int priority) => $$"""{"name":"Acme","priority":{{priority}}}""";

    [Fact]
    public void Create_ThenGet_ReturnsHeadWithData()
    {
        var created = Things.Create("Startup", "acme", Acme);

        var head = Things.Get("Startup", "acme");

        Assert.NotNull(head);
        Assert.Equal(created.Version, head.Version);
        Assert.Equal("Startup", head.Noun);
        Assert.Equal("acme", head.Id);
        Assert.Equal(Acme, head.Data);
        Assert.False(head.Deleted);
    }

    [Fact]
    public void Get_UnknownId_ReturnsNull()
    {
        Things.Create("Startup", "acme", Acme);

        Assert.Null(Things.Get("Startup", "globex"));
        Assert.Null(Things.Get("Customer", "acme"));
    }

    [Fact]
    public void Create_AppendsExactlyOneVersionActionAndEventRow()
    {
        Things.Create("Startup", "acme", Acme);
        Things.Update("Startup", "acme", Startup(1));

        var created = Things.Create("Startup", "globex", Acme);

        Assert.Equal(3, Sql.Count(_test.Path, "things"));
        Assert.Equal(3, Sql.Count(_test.Path, "actions"));
        Assert.Equal(3, Sql.Count(_test.Path, "events"));
        var action = Sql.Rows(_test.Path, "SELECT verb, target, before_version, after_version, status, durability FROM actions ORDER BY id DESC LIMIT 1")[0];
        Assert.Equal(["create", "globex", null, created.Version, "completed", "do"], action);
        var evt = Sql.Rows(_test.Path, "SELECT type, source, thing, version, data FROM events_view ORDER BY sequence DESC LIMIT 1")[0];
        Assert.Equal(0L, Sql.Count(_test.Path, "events", "data IS NOT NULL")); // the state JSON is stored once, in things
        Assert.Equal(["Startup.created", "https://startups.studio/globex", "globex", created.Version, Acme], evt);
    }

    [Fact]
    public void Update_WithVerbOptions_RecordsVerbEventInputAndBeforeAfterVersions()
    {
        var v1 = Things.Create("Startup", "acme", Acme);
        var options = new WriteOptions { Verb = "Prioritize", Event = "prioritized", Input = """{"by":1}""", Actor = "https://people.example/alice" };

        var v2 = Things.Update("Startup", "acme", Startup(1), options);

        Assert.True(v2.Version > v1.Version);
        var action = Sql.Rows(_test.Path, "SELECT verb, actor, input, before_version, after_version FROM actions ORDER BY id DESC LIMIT 1")[0];
        Assert.Equal(["Prioritize", "https://people.example/alice", """{"by":1}""", v1.Version, v2.Version], action);
        var evt = Sql.Rows(_test.Path, "SELECT type, version, data FROM events_view ORDER BY sequence DESC LIMIT 1")[0];
        Assert.Equal(["Startup.prioritized", v2.Version, Startup(1)], evt);
    }

    [Fact]
    public void Create_OfExistingId_ThrowsNamingNounIdAndVersion_AndWritesNothing()
    {
        var v1 = Things.Create("Startup", "acme", Acme);
        var before = Sql.Snapshot(_test.Path);

        var e = Assert.Throws<ThingAlreadyExistsException>(() => Things.Create("Startup", "acme", Startup(5)));

        Assert.Equal("Startup", e.Noun);
        Assert.Equal("acme", e.Id);
        Assert.Equal(v1.Version, e.Version);
        Assert.Contains("Startup", e.Message, StringComparison.Ordinal);
        Assert.Contains("\"acme\"", e.Message, StringComparison.Ordinal);
        Assert.Contains($"v{v1.Version}", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, Sql.Snapshot(_test.Path));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"name":""")]
    [InlineData("[1,2]")]
    [InlineData("42")]
    [InlineData("""{"a":1} {"b":2}""")]
    [InlineData("")]
    public void Create_WithInvalidJson_ThrowsArgumentException_AndWritesNothing(string json)
    {
        Things.Create("Startup", "acme", Acme);
        var before = Sql.Snapshot(_test.Path);

        var e = Assert.Throws<ArgumentException>(() => Things.Create("Startup", "globex", json));

        Assert.Equal("json", e.ParamName);
        Assert.Contains("JSON object", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, Sql.Snapshot(_test.Path));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("acme@v1")]
    [InlineData("..")]
    public void Create_WithInvalidId_ThrowsInvalidThingIdException(string id)
    {
        var before = Sql.Snapshot(_test.Path);

        Assert.Throws<InvalidThingIdException>(() => Things.Create("Startup", id, Acme));

        Assert.Equal(before, Sql.Snapshot(_test.Path));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1Startup")]
    [InlineData("Start up")]
    [InlineData("Startup\"; DROP TABLE things; --")]
    public void Create_WithInvalidNounName_ThrowsArgumentException(string noun)
    {
        var e = Assert.Throws<ArgumentException>(() => Things.Create(noun, "acme", Acme));

        Assert.Contains("noun name", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, Sql.Count(_test.Path, "things"));
    }

    [Fact]
    public void Update_OfMissingOrDeletedThing_ThrowsThingNotFound()
    {
        Assert.Throws<ThingNotFoundException>(() => Things.Update("Startup", "acme", Acme));

        Things.Create("Startup", "acme", Acme);
        var tombstone = Things.Delete("Startup", "acme");
        var e = Assert.Throws<ThingNotFoundException>(() => Things.Update("Startup", "acme", Acme));

        Assert.Equal("Startup", e.Noun);
        Assert.Contains($"deleted at v{tombstone.Version}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Delete_AppendsTombstone_HeadIsTombstone_OlderVersionStillReadable()
    {
        var v1 = Things.Create("Startup", "acme", Acme);

        var tombstone = Things.Delete("Startup", "acme");

        Assert.True(tombstone.Deleted);
        Assert.Null(tombstone.Data);
        var head = Things.Get("Startup", "acme");
        Assert.NotNull(head);
        Assert.True(head.Deleted);
        Assert.Equal(tombstone.Version, head.Version);
        var previous = Things.Get("Startup", "acme@~1");
        Assert.Equal(v1.Version, previous!.Version);
        Assert.Equal(Acme, previous.Data);
        Assert.Empty(Things.List("Startup"));
        var evt = Sql.Rows(_test.Path, "SELECT type, data FROM events ORDER BY sequence DESC LIMIT 1")[0];
        Assert.Equal(["Startup.deleted", Acme], evt);
    }

    [Fact]
    public void Delete_OfMissingOrDeletedThing_ThrowsThingNotFound()
    {
        var missing = Assert.Throws<ThingNotFoundException>(() => Things.Delete("Startup", "acme"));
        Assert.Contains("does not exist", missing.Message, StringComparison.Ordinal);

        Things.Create("Startup", "acme", Acme);
        Things.Delete("Startup", "acme");
        var again = Assert.Throws<ThingNotFoundException>(() => Things.Delete("Startup", "acme"));
        Assert.Contains("already deleted", again.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_AfterDelete_StartsANewLife_AndKeepsTheOldHistory()
    {
        Things.Create("Startup", "acme", Acme);
        var tombstone = Things.Delete("Startup", "acme");

        var reborn = Things.Create("Startup", "acme", Startup(7));

        Assert.Equal(Startup(7), Things.Get("Startup", "acme")!.Data);
        Assert.True(Things.Get("Startup", "acme@~1")!.Deleted);
        Assert.Equal(Acme, Things.Get("Startup", "acme@~2")!.Data);
        Assert.Equal(["create", "delete", "create"], Things.History("Startup", "acme").Select(h => h.Verb));
        var action = Sql.Rows(_test.Path, "SELECT before_version, after_version FROM actions ORDER BY id DESC LIMIT 1")[0];
        Assert.Equal([tombstone.Version, reborn.Version], action);
    }

    [Fact]
    public void Get_AtVersion_ReadsThatVersion()
    {
        var v1 = Things.Create("Startup", "acme", Acme);
        var v2 = Things.Update("Startup", "acme", Startup(1));
        Things.Update("Startup", "acme", Startup(2));

        Assert.Equal(Acme, Things.Get("Startup", $"acme@v{v1.Version}")!.Data);
        Assert.Equal(Startup(1), Things.Get("Startup", $"acme@v{v2.Version}")!.Data);
        Assert.Null(Things.Get("Startup", "acme@v999999"));
    }

    [Fact]
    public void Get_AtVersionOfAnotherThing_ThrowsRefNotFound()
    {
        Things.Create("Startup", "acme", Acme);
        var globex = Things.Create("Startup", "globex", Acme);
        var customer = Things.Create("Customer", "acme", """{"name":"Alice"}""");

        var otherId = Assert.Throws<RefNotFoundException>(() => Things.Get("Startup", $"acme@v{globex.Version}"));
        var otherNoun = Assert.Throws<RefNotFoundException>(() => Things.Get("Startup", $"acme@v{customer.Version}"));

        Assert.Equal($"acme@v{globex.Version}", otherId.Reference);
        Assert.Contains("Startup globex", otherId.Message, StringComparison.Ordinal);
        Assert.Contains("Customer acme", otherNoun.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Get_Ancestor_WalksBackFromHead()
    {
        Things.Create("Startup", "acme", Startup(0));
        Things.Update("Startup", "acme", Startup(1));
        Things.Update("Startup", "acme", Startup(2));

        Assert.Equal(Startup(2), Things.Get("Startup", "acme@~0")!.Data);
        Assert.Equal(Startup(1), Things.Get("Startup", "acme@~1")!.Data);
        Assert.Equal(Startup(0), Things.Get("Startup", "acme@~2")!.Data);
        Assert.Null(Things.Get("Startup", "acme@~3"));
    }

    [Fact]
    public void Get_AsOfTime_ReadsTheVersionCurrentAtThatTime()
    {
        // 08:00 create, 09:00 update, 10:00 update (the fake clock moves between writes).
        Things.Create("Startup", "acme", Startup(0));
        _test.Time.Advance(TimeSpan.FromHours(1));
        Things.Update("Startup", "acme", Startup(1));
        _test.Time.Advance(TimeSpan.FromHours(1));
        Things.Update("Startup", "acme", Startup(2));

        Assert.Null(Things.Get("Startup", "acme@2026-11-23T07:59Z"));
        Assert.Equal(Startup(0), Things.Get("Startup", "acme@2026-11-23T08:00Z")!.Data);
        Assert.Equal(Startup(0), Things.Get("Startup", "acme@2026-11-23T08:59:59Z")!.Data);
        Assert.Equal(Startup(1), Things.Get("Startup", "acme@2026-11-23T09:00Z")!.Data);
        Assert.Equal(Startup(1), Things.Get("Startup", "acme@2026-11-23T10:30+01:00")!.Data);
        Assert.Equal(Startup(2), Things.Get("Startup", "acme@2026-11-24T00:00Z")!.Data);
    }

    [Fact]
    public void Get_AsOfTime_AfterDelete_ReadsTheTombstone()
    {
        Things.Create("Startup", "acme", Acme);
        _test.Time.Advance(TimeSpan.FromHours(1));
        Things.Delete("Startup", "acme");

        Assert.False(Things.Get("Startup", "acme@2026-11-23T08:30Z")!.Deleted);
        Assert.True(Things.Get("Startup", "acme@2026-11-23T09:30Z")!.Deleted);
    }

    [Fact]
    public void Get_OnMainBranch_IsHead()
    {
        Things.Create("Startup", "acme", Acme);
        var v2 = Things.Update("Startup", "acme", Startup(1));

        Assert.Equal(v2.Version, Things.Get("Startup", "acme@main")!.Version);
    }

    [Fact]
    public void Get_OnUnknownBranch_ThrowsRefNotFound_ListingBranches()
    {
        Things.Create("Startup", "acme", Acme);

        var e = Assert.Throws<RefNotFoundException>(() => Things.Get("Startup", "acme@experiment"));

        Assert.Equal("acme@experiment", e.Reference);
        Assert.Contains("no branch \"experiment\"", e.Message, StringComparison.Ordinal);
        Assert.Contains("branches: main", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("acme@")]
    [InlineData("acme@v")]
    [InlineData("acme@~x")]
    [InlineData("@main")]
    public void Get_MalformedRef_ThrowsInvalidRef(string reference)
    {
        Assert.Throws<InvalidRefException>(() => Things.Get("Startup", reference));
    }

    [Fact]
    public void Get_WithAParsedRef_ResolvesLikeText()
    {
        Things.Create("Startup", "acme", Startup(0));
        Things.Update("Startup", "acme", Startup(1));

        Assert.Equal(Startup(0), Things.Get("Startup", Ref.Parse("acme@~1"))!.Data);
        Assert.Equal(Startup(1), Things.Get("Startup", Ref.Head("acme"))!.Data);
        Assert.Throws<ArgumentNullException>(() => Things.Get("Startup", (Ref)null!));
    }

    [Fact]
    public void Get_WithAFullRefToThisObject_ReadsTheLocalThing()
    {
        Things.Create("Startup", "acme", Acme);

        Assert.Equal(Acme, Things.Get("Startup", "https://startups.studio/acme")!.Data);
    }

    [Fact]
    public void Get_WithAFullRefToAnotherObject_IsRefused()
    {
        Things.Create("Startup", "acme", Acme);

        var e = Assert.Throws<RefNotFoundException>(() => Things.Get("Startup", "https://other.example/acme"));

        Assert.Contains("https://other.example", e.Message, StringComparison.Ordinal);
        Assert.Contains("https://startups.studio", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_OfANounNeverWritten_WriteNothing()
    {
        Things.Create("Startup", "acme", Acme);
        var before = Sql.Snapshot(_test.Path);

        Assert.Null(Things.Get("Order", "o1"));
        Assert.Null(Things.Get("Order", "o1@~1"));
        Assert.Empty(Things.List("Order"));
        Assert.Empty(Things.History("Order", "o1"));

        Assert.Equal(before, Sql.Snapshot(_test.Path));
    }

    [Fact]
    public void Ids_AreScopedPerNoun()
    {
        Things.Create("Startup", "acme", Acme);
        Things.Create("Customer", "acme", """{"name":"Alice"}""");
        Things.Update("Customer", "acme", """{"name":"Alice B."}""");
        Things.Delete("Startup", "acme");

        Assert.True(Things.Get("Startup", "acme")!.Deleted);
        Assert.Equal("""{"name":"Alice B."}""", Things.Get("Customer", "acme")!.Data);
        Assert.Equal(["delete", "create"], Things.History("Startup", "acme").Select(h => h.Verb));
        Assert.Equal(["update", "create"], Things.History("Customer", "acme").Select(h => h.Verb));
    }

    [Fact]
    public void List_ReturnsHeadOfLiveThingsOfOneNoun_OrderedById()
    {
        Things.Create("Startup", "globex", Acme);
        Things.Create("Startup", "acme", Acme);
        Things.Update("Startup", "acme", Startup(3));
        Things.Create("Startup", "initech", Acme);
        Things.Delete("Startup", "initech");
        Things.Create("Customer", "alice", """{"name":"Alice"}""");

        var list = Things.List("Startup");

        Assert.Equal(["acme", "globex"], list.Select(t => t.Id));
        Assert.Equal(Startup(3), list[0].Data);
        Assert.All(list, t => Assert.Equal("Startup", t.Noun));
        Assert.Empty(Things.List("Order"));
    }

    [Fact]
    public void History_IsNewestFirst_WithVerbsAndTimes()
    {
        Things.Create("Startup", "acme", Startup(0));
        _test.Time.Advance(TimeSpan.FromMinutes(5));
        Things.Update("Startup", "acme", Startup(1), new WriteOptions { Verb = "Prioritize", Event = "prioritized" });
        _test.Time.Advance(TimeSpan.FromMinutes(5));
        Things.Delete("Startup", "acme");

        var history = Things.History("Startup", "acme");

        Assert.Equal(["delete", "Prioritize", "create"], history.Select(h => h.Verb));
        Assert.Equal([TestDatabase.Start.AddMinutes(10), TestDatabase.Start.AddMinutes(5), TestDatabase.Start], history.Select(h => h.At));
        Assert.True(history[0].Thing.Deleted);
        Assert.Equal(Startup(1), history[1].Thing.Data);
        Assert.True(history[0].Thing.Version > history[1].Thing.Version);
        Assert.Empty(Things.History("Startup", "globex"));
    }

    [Fact]
    public void Things_SurviveReopening()
    {
        Things.Create("Startup", "acme", Acme);
        var v2 = Things.Update("Startup", "acme", Startup(1));

        var db = _test.Reopen();

        Assert.Equal(v2.Version, db.Things.Get("Startup", "acme")!.Version);
        Assert.Equal(2, db.Things.History("Startup", "acme").Count);
        var v3 = db.Things.Update("Startup", "acme", Startup(2));
        Assert.Equal(v2.Version + 1, v3.Version);
    }
}
