using Do.Storage;
using Do.Tests.Support;

namespace Do.Tests.Storage;

public sealed class EventStoreTests : IDisposable
{
    private const string Acme = """{"name":"Acme","priority":0}""";
    private readonly TestDatabase _test = new();

    private EventStore Events => _test.Db.Events;

    public void Dispose() => _test.Dispose();

    [Fact]
    public void List_ReturnsEveryWriteAsAnEvent_InSequenceOrder()
    {
        var created = _test.Db.Things.Create("Startup", "acme", Acme);
        _test.Time.Advance(TimeSpan.FromMinutes(1));
        var prioritized = _test.Db.Things.Update("Startup", "acme", """{"name":"Acme","priority":1}""", new WriteOptions { Verb = "Prioritize", Event = "prioritized" });
        _test.Db.Things.Delete("Startup", "acme");

        var events = Events.List();

        Assert.Equal(["Startup.created", "Startup.prioritized", "Startup.deleted"], events.Select(e => e.Type));
        // One counter for actions and stored events: the two derived events are their actions' ids, and the delete's
        // stored event (it carries the last state) takes the next number.
        Assert.Equal([1L, 2L, 4L], events.Select(e => e.Sequence));
        Assert.All(events, e => Assert.Equal("https://startups.studio/acme", e.Source));
        Assert.All(events, e => Assert.Equal("acme", e.Thing));
        Assert.Equal(created.Version, events[0].Version);
        Assert.Equal(prioritized.Version, events[1].Version);
        Assert.Equal(Acme, events[0].Data);
        Assert.Equal(Acme.Replace("0", "1", StringComparison.Ordinal), events[2].Data); // a delete carries the data it removed
        Assert.Equal(TestDatabase.Start, events[0].At);
        Assert.Equal(TestDatabase.Start.AddMinutes(1), events[1].At);
        var actions = _test.Db.Actions.List().Select(a => a.Id).Reverse();
        Assert.Equal(actions, events.Select(e => e.ActionId!.Value));
    }

    [Fact]
    public void List_AfterASequence_AndWithALimit()
    {
        for (int i = 0; i < 5; i++)
        {
            _test.Db.Things.Create("Startup", "s" + i, Acme);
        }

        Assert.Equal([3L, 4L, 5L], Events.List(after: 2).Select(e => e.Sequence));
        Assert.Equal([3L, 4L], Events.List(after: 2, limit: 2).Select(e => e.Sequence));
        Assert.Empty(Events.List(after: 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Events.List(limit: 0));
    }

    [Fact]
    public void Undispatched_WithoutAHost_EveryEventWaitsForDispatch()
    {
        _test.Db.Things.Create("Startup", "acme", Acme);
        Events.Emit("Studio.opened");

        var waiting = Events.Undispatched();

        Assert.Equal(["Startup.created", "Studio.opened"], waiting.Select(e => e.Type));
        Assert.All(waiting, e => Assert.Null(e.DispatchedAt));
        Assert.Single(Events.Undispatched(limit: 1));
    }

    [Fact]
    public void Emit_AppendsAnObjectLevelEvent()
    {
        _test.Db.Things.Create("Startup", "acme", Acme);
        var actionId = _test.Db.Actions.List()[0].Id;

        var record = Events.Emit("Studio.audited", """{"by":"alice"}""", actionId);

        Assert.Equal("Studio.audited", record.Type);
        Assert.Equal("https://startups.studio", record.Source);
        Assert.Null(record.Thing);
        Assert.Null(record.Version);
        Assert.Equal(actionId, record.ActionId);
        Assert.Equal("""{"by":"alice"}""", record.Data);
        Assert.Equal(record, Events.List()[^1]);
    }

    [Fact]
    public void Emit_JoinsTheOpenTransaction()
    {
        Assert.Throws<InvalidOperationException>(() => _test.Db.InTransaction(() =>
        {
            Events.Emit("Studio.audited");
            throw new InvalidOperationException("boom");
        }));

        Assert.Empty(Events.List());
    }

    [Fact]
    public void Emit_WithoutAType_Throws()
    {
        Assert.ThrowsAny<ArgumentException>(() => Events.Emit(""));
        Assert.ThrowsAny<ArgumentException>(() => Events.Emit(null!));
    }

    [Fact]
    public void Sequence_IsNeverReused_AfterARollback()
    {
        Events.Emit("Studio.first");
        Assert.Throws<InvalidOperationException>(() => _test.Db.InTransaction(() =>
        {
            Events.Emit("Studio.rolled-back");
            throw new InvalidOperationException("boom");
        }));

        var next = Events.Emit("Studio.second");

        Assert.Equal(2, next.Sequence);
        Assert.Equal(["Studio.first", "Studio.second"], Events.List().Select(e => e.Type));
    }
}
