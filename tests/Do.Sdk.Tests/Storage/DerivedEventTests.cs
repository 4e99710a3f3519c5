using Do.Events;
using Do.Storage;
using Do.Tests.Support;

namespace Do.Tests.Storage;

/// <summary>
/// Events derived from writes (schemas 12 and 16): a write that completes its action in one transaction stores no event
/// row and no action row; its version row carries both, and its id is the version, the action's id and the event's
/// sequence. Every reader sees the same events as before, in one order.
/// </summary>
public sealed class DerivedEventTests : IDisposable
{
    private const string Acme = """{"name":"Acme","priority":0}""";
    private readonly TestDatabase _test = new();

    private ObjectDatabase Db => _test.Db;

    public void Dispose() => _test.Dispose();

    [Fact]
    public void A_write_stores_no_event_row_and_its_event_reads_as_before()
    {
        var written = Db.Things.Create("Startup", "acme", Acme, new WriteOptions { Actor = "alice" });

        var e = Assert.Single(Db.Events.List());
        var action = Assert.Single(Db.Actions.List());
        Assert.Equal(0L, Db.Scalar("SELECT count(*) FROM stored_events"));
        Assert.Equal(0L, Db.Scalar("SELECT count(*) FROM stored_actions"));
        Assert.Equal(written.Version, action.Id);
        Assert.Equal("alice", action.Actor);
        Assert.Equal(written.Version, action.AfterVersion);
        Assert.Equal(action.Id, e.Sequence);
        Assert.Equal(action.Id, e.ActionId);
        Assert.Equal("Startup.created", e.Type);
        Assert.Equal("https://startups.studio/acme", e.Source);
        Assert.Equal("acme", e.Thing);
        Assert.Equal(written.Version, e.Version);
        Assert.Equal(Acme, e.Data);
        Assert.Equal(TestDatabase.Start, e.At);

        // The view shows it to plain SQL too, with the source a stored event would have had.
        Assert.Equal("Startup.created|https://startups.studio/acme|acme|" + Acme, Sql.Scalar(_test.Path, "SELECT type || '|' || source || '|' || thing || '|' || data FROM events_view"));
    }

    [Fact]
    public void Derived_and_stored_events_keep_one_order_and_page_across_both_tables()
    {
        Db.Things.Create("Startup", "acme", Acme);                       // derived
        Db.Events.Emit("Startup.noticed", """{"why":"test"}""");          // stored
        Db.Things.Update("Startup", "acme", """{"name":"Acme","priority":1}"""); // derived
        Db.Things.Delete("Startup", "acme");                             // stored: carries the last state
        Db.Things.Create("Startup", "beta", Acme);                       // derived

        var all = Db.Events.List();
        Assert.Equal(["Startup.created", "Startup.noticed", "Startup.updated", "Startup.deleted", "Startup.created"], all.Select(e => e.Type));
        Assert.Equal(all.Select(e => e.Sequence).Order(), all.Select(e => e.Sequence));
        Assert.Equal(all.Count, all.Select(e => e.Sequence).Distinct().Count());
        Assert.Equal(2L, Db.Scalar("SELECT count(*) FROM stored_events"));

        var paged = new List<long>();
        for (long after = 0; Db.Events.List(after, limit: 2) is { Count: > 0 } page; after = page[^1].Sequence)
        {
            Assert.True(page.Count <= 2);
            paged.AddRange(page.Select(e => e.Sequence));
        }

        Assert.Equal(all.Select(e => e.Sequence), paged);
        Assert.Equal(all[^1].Sequence, Db.MaxEventSequence());
    }

    [Fact]
    public void A_derived_event_waits_for_its_handlers_and_is_marked_dispatched_on_its_action()
    {
        Db.HasSubscribers = type => type == "Startup.created";
        Db.Things.Create("Startup", "acme", Acme);
        Db.Things.Update("Startup", "acme", """{"name":"Acme","priority":1}""");
        _ = Db.TakeCommittedEvents();

        var waiting = Assert.Single(Db.Events.Undispatched());
        Assert.Equal("Startup.created", waiting.Type);
        Assert.Null(waiting.DispatchedAt);
        Assert.NotNull(Db.Events.List()[1].DispatchedAt); // nobody listens to updates: dispatched as written

        _test.Time.Advance(TimeSpan.FromSeconds(5));
        Db.Events.MarkDispatched([waiting.Sequence]);

        Assert.Empty(Db.Events.Undispatched());
        Assert.Equal(TestDatabase.Start.AddSeconds(5), Db.Events.List()[0].DispatchedAt);
        Assert.Equal(0L, Db.Scalar("SELECT count(*) FROM stored_events"));
    }

    [Fact]
    public void A_page_of_events_is_three_range_seeks_not_a_scan()
    {
        var plan = string.Join('\n', Sql.Rows(_test.Path, "EXPLAIN QUERY PLAN " + EventStore.Where("e.sequence > 5", "a.id > 5", "t.version > 5").Replace("$limit", "10", StringComparison.Ordinal)).Select(r => r[3]));

        Assert.Contains("SEARCH e USING INTEGER PRIMARY KEY (rowid>?)", plan, StringComparison.Ordinal);
        Assert.Contains("SEARCH a USING INTEGER PRIMARY KEY (rowid>?)", plan, StringComparison.Ordinal);
        Assert.Contains("SEARCH t USING INTEGER PRIMARY KEY (rowid>?)", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("SCAN", plan, StringComparison.Ordinal);

        // The events still waiting for handlers: each table's partial index of undispatched rows.
        var pending = string.Join('\n', Sql.Rows(_test.Path, "EXPLAIN QUERY PLAN " + EventStore.Where("e.dispatched_at IS NULL", "a.dispatched_at IS NULL", "t.dispatched_at IS NULL").Replace("$limit", "10", StringComparison.Ordinal)).Select(r => r[3]));
        Assert.Contains("events_undispatched", pending, StringComparison.Ordinal);
        Assert.Contains("actions_undispatched", pending, StringComparison.Ordinal);
        Assert.Contains("things_undispatched", pending, StringComparison.Ordinal);
    }

    [Fact]
    public void Compaction_keeps_an_undispatched_derived_event_with_its_data_when_its_version_goes()
    {
        Db.HasSubscribers = type => type == "Startup.created";
        Db.Things.Create("Startup", "acme", Acme);
        Db.Things.Update("Startup", "acme", """{"name":"Acme","priority":1}""");
        var before = Db.Events.Undispatched().Single();

        Db.Lifecycle.Compact(force: false);

        var kept = Assert.Single(Db.Events.Undispatched());
        Assert.Equal(before.Sequence, kept.Sequence);
        Assert.Equal(Acme, kept.Data); // its version was squashed; the event kept a copy
        Assert.Equal("https://startups.studio/acme", kept.Source);
        Assert.Equal(1L, Db.Scalar($"SELECT count(*) FROM stored_events WHERE sequence = {kept.Sequence}"));
        Assert.Equal(0L, Db.Scalar($"SELECT count(*) FROM actions WHERE event IS NOT NULL AND id = {kept.Sequence}"));
    }

    [Fact]
    public void A_dead_letter_of_a_derived_event_lists_the_event()
    {
        Db.Things.Create("Startup", "acme", Acme);
        var e = Db.Events.List().Single();
        var letters = new DeadLetterStore(Db);

        letters.Add(e.Sequence, "OnCreated", "boom", 3);

        var letter = Assert.Single(letters.List(includeReplayed: false));
        Assert.Equal(e.Sequence, letter.Event.Sequence);
        Assert.Equal("Startup.created", letter.Event.Type);
        Assert.Equal("https://startups.studio/acme", letter.Event.Source);
        Assert.Equal(Acme, letter.Event.Data);
    }
}
