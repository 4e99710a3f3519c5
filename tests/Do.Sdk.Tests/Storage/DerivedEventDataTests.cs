using Do.Tests.Support;

namespace Do.Tests.Storage;

/// <summary>Events read their data from the version they wrote (DESIGN §3): stored once, read the same everywhere.</summary>
public sealed class DerivedEventDataTests : IDisposable
{
    private readonly TestDatabase _test = new();

    public void Dispose() => _test.Dispose();

    [Fact]
    public void DeleteEvent_KeepsTheLastState_AndCustomEventsKeepTheirPayload()
    {
        _test.Db.Things.Create("Startup", "acme", """{"name":"Acme"}""");
        _test.Db.Things.Delete("Startup", "acme");
        _test.Db.Events.Emit("order.placed", """{"total":12}""");

        var events = _test.Db.Events.List();

        Assert.Equal(["""{"name":"Acme"}""", """{"name":"Acme"}""", """{"total":12}"""], events.Select(e => e.Data));
        Assert.Equal(2L, Sql.Count(_test.Path, "events", "data IS NOT NULL")); // the delete's last state and the payload
    }

    [Fact]
    public void Compaction_KeepsTheDataOfAnEventStillInTheOutbox_WhoseVersionItRemoves()
    {
        _test.Db.Things.Create("Startup", "acme", """{"name":"Acme","priority":1}""");
        _test.Db.Things.Update("Startup", "acme", """{"name":"Acme","priority":2}""");

        _test.Db.Lifecycle.Compact(force: false);

        Assert.Equal(0L, Sql.Count(_test.Path, "things", "version = 1")); // the first version is gone...
        var undispatched = _test.Db.Events.Undispatched();
        Assert.Equal(["""{"name":"Acme","priority":1}""", """{"name":"Acme","priority":2}"""], undispatched.Take(2).Select(e => e.Data)); // ...its event still says what it wrote
    }
}
