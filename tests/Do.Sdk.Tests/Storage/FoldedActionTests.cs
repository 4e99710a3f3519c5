using Do.Execution;
using Do.Storage;
using Do.Tests.Support;

namespace Do.Tests.Storage;

/// <summary>
/// A write's own action folded into the version it wrote (schema 16): one row, whose id is the version, the action's id
/// and its event's sequence. The action log reads the same as when every action had a row of its own.
/// </summary>
public sealed class FoldedActionTests : IDisposable
{
    private const string Acme = """{"name":"Acme","priority":0}""";
    private readonly TestDatabase _test = new();

    private ObjectDatabase Db => _test.Db;

    public void Dispose() => _test.Dispose();

    [Fact]
    public void A_write_appends_one_row_that_is_its_version_its_action_and_its_event()
    {
        var created = Db.Things.Create("Startup", "acme", Acme, new WriteOptions { Actor = "alice", Input = """{"name":"Acme"}""" });
        _test.Time.Advance(TimeSpan.FromSeconds(1));
        var updated = Db.Things.Update("Startup", "acme", """{"name":"Acme","priority":1}""", new WriteOptions { Verb = "Prioritize", Output = "1" });

        Assert.Equal(2L, Db.Scalar("SELECT count(*) FROM things"));
        Assert.Equal(0L, Db.Scalar("SELECT count(*) FROM stored_actions"));
        Assert.Equal(0L, Db.Scalar("SELECT count(*) FROM stored_events"));

        var action = ActionQueries.Get(Db, updated.Version)!;
        Assert.Equal(new ActionInfo(updated.Version, "Prioritize", "acme", ActorScope.System, ActionStatus.Completed, 1, null, null, "1", created.Version, updated.Version, TestDatabase.Start.AddSeconds(1)), action);
        var first = ActionQueries.Get(Db, created.Version)!;
        Assert.Equal(("alice", """{"name":"Acme"}""", (long?)null), (first.Actor, first.Input, first.BeforeVersion));
        Assert.Equal([created.Version, updated.Version], Db.Events.List().Select(e => e.Sequence));
        Assert.Equal(["create", "Prioritize"], Db.Things.History("Startup", "acme").Select(h => h.Verb).Reverse());

        // People reading the file see the same actions as before, with their ISO times.
        Assert.Equal($"{updated.Version}|Prioritize|acme|completed|do|1", Sql.Scalar(_test.Path, "SELECT id || '|' || verb || '|' || target || '|' || status || '|' || durability || '|' || attempts FROM actions_view ORDER BY id DESC LIMIT 1"));
    }

    [Fact]
    public void The_log_lists_folded_and_stored_actions_in_one_order_and_pages_across_both()
    {
        Db.Things.Create("Startup", "acme", Acme);                                              // folded
        var pending = Db.Actions.InsertPending("Launch", "bob", "acme", null, 1, null, null, Durability.Do); // stored
        Db.Things.Update("Startup", "acme", Acme, new WriteOptions { Actor = "bob" });           // folded
        Db.Actions.InsertFailed("Launch", "acme", null, 1, null, Durability.Try, "boom");          // stored
        Db.Things.Delete("Startup", "acme");                                                    // folded, with a stored event

        var all = ActionQueries.List(Db, new ActionFilter { Limit = 100 });
        Assert.Equal(["delete", "Launch", "update", "Launch", "create"], all.Select(a => a.Verb));
        Assert.Equal(all.Select(a => a.Id).OrderDescending(), all.Select(a => a.Id));

        var paged = new List<long>();
        for (long? before = null; ActionQueries.List(Db, new ActionFilter { Limit = 2, Before = before }) is { Count: > 0 } page; before = page[^1].Id)
        {
            paged.AddRange(page.Select(a => a.Id));
        }

        Assert.Equal(all.Select(a => a.Id), paged);
        Assert.Equal(["Launch", "update"], ActionQueries.List(Db, new ActionFilter { Actor = "bob" }).Select(a => a.Verb).Reverse());
        Assert.Equal([pending], ActionQueries.List(Db, new ActionFilter { Status = ActionStatus.Pending }).Select(a => a.Id));
        Assert.Single(ActionQueries.List(Db, new ActionFilter { Status = ActionStatus.Failed }));
        Assert.Equal(3, ActionQueries.List(Db, new ActionFilter { Status = ActionStatus.Completed }).Count);
        Assert.Equal([pending], Db.Actions.Open().Select(a => a.Id));
    }

    [Fact]
    public void The_log_merges_the_two_tables_newest_first_without_sorting_them()
    {
        var plan = string.Join('\n', Sql.Rows(_test.Path, "EXPLAIN QUERY PLAN " + ActionQueries.ListSql).Select(r => r[3]));

        Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);
        Assert.Contains("MERGE", plan, StringComparison.Ordinal);
    }

    [Fact]
    public void An_action_is_read_by_its_id_with_one_seek_into_each_table()
    {
        // The view actions is pushed into both halves: a primary-key seek each, no scan of the version log.
        var plan = string.Join('\n', Sql.Rows(_test.Path, "EXPLAIN QUERY PLAN SELECT verb, noun FROM actions WHERE id = 5").Select(r => r[3]));

        Assert.Contains("SEARCH stored_actions USING INTEGER PRIMARY KEY (rowid=?)", plan, StringComparison.Ordinal);
        Assert.Contains("SEARCH things USING INTEGER PRIMARY KEY (rowid=?)", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("SCAN things", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("SCAN stored_actions", plan, StringComparison.Ordinal);
    }

    [Fact]
    public void Undo_and_redo_move_a_folded_action_between_undone_and_completed()
    {
        Db.Things.Create("Startup", "acme", Acme);
        var update = Db.Things.Update("Startup", "acme", """{"name":"Acme","priority":1}""");

        Do.Lifecycle.UndoOperations.Undo(Db, update.Version, force: false, actor: "alice");
        Assert.Equal(ActionStatus.Undone, ActionQueries.Get(Db, update.Version)!.Status);
        Assert.Equal(Acme, Db.Things.Get("Startup", "acme")!.Data);

        Do.Lifecycle.UndoOperations.Redo(Db, update.Version, force: false, actor: "alice");
        Assert.Equal(ActionStatus.Completed, ActionQueries.Get(Db, update.Version)!.Status);
        Assert.Equal(0L, Db.Scalar("SELECT count(*) FROM stored_actions"));
    }

    [Fact]
    public void A_version_another_connection_wrote_is_not_given_its_id_again()
    {
        Db.Things.Create("Startup", "acme", Acme);
        var next = Db.KnownNextSequence!.Value;
        Sql.Scalar(_test.Path, $"INSERT INTO stored_events (sequence, type, source, created_at, dispatched_at) VALUES ({next}, 'Outside.noted', 'tool', 0, 0)");

        var written = Db.Things.Update("Startup", "acme", Acme);

        Assert.True(written.Version > next, $"the write took id {written.Version}, at or below the event {next} written outside");
        Assert.Equal(1L, Db.Scalar($"SELECT count(*) FROM events WHERE sequence = {next}"));
        Assert.Equal(written.Version + 1, Db.KnownNextSequence);
    }
}
