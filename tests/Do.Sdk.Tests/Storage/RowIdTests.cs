using Do.Storage;
using Do.Tests.Support;

namespace Do.Tests.Storage;

/// <summary>
/// Version ids, action ids and event sequences are never given twice, now that the three tables take SQLite's default
/// rowid instead of AUTOINCREMENT: a deletion that removes the newest rows leaves a floor the next ids start above.
/// </summary>
public sealed class RowIdTests : IDisposable
{
    private const string Acme = """{"name":"Acme","priority":0}""";
    private readonly TestDatabase _test = new();

    private ObjectDatabase Db => _test.Db;

    public void Dispose() => _test.Dispose();

    [Fact]
    public void Writes_do_not_touch_sqlite_sequence()
    {
        Db.Things.Create("Startup", "acme", Acme);
        Db.Things.Update("Startup", "acme", Acme);

        Assert.Equal(0L, Db.Scalar("SELECT count(*) FROM sqlite_sequence WHERE name IN ('things', 'actions', 'events')"));
        Assert.Equal(0L, Db.Scalar("SELECT count(*) FROM sqlite_schema WHERE name IN ('things', 'actions', 'events') AND sql LIKE '%AUTOINCREMENT%'"));
    }

    [Fact]
    public void Compaction_that_removes_the_newest_rows_never_gives_their_ids_again()
    {
        Db.Things.Create("Startup", "acme", Acme);
        Db.Things.Create("Startup", "gone", Acme);
        Db.Things.Update("Startup", "gone", Acme);
        Db.Things.Delete("Startup", "gone"); // the newest version is a tombstone, and compaction drops tombstoned things
        var seen = Highest();

        Db.Lifecycle.Compact(force: false);
        var after = Db.Things.Update("Startup", "acme", Acme);

        Assert.True(after.Version > seen.Version, $"version {after.Version} was given again (highest before compaction: {seen.Version})");
        var newest = Highest();
        Assert.True(newest.Action > seen.Action, $"action {newest.Action} is not above {seen.Action}");
        Assert.True(newest.Event > seen.Event, $"event {newest.Event} is not above {seen.Event}");
        Assert.Equal(after.Version, Db.Actions.Get(Db.Events.List()[^1].ActionId!.Value)!.AfterVersion);
    }

    [Fact]
    public void Deleting_a_branch_that_holds_the_newest_rows_never_gives_their_ids_again()
    {
        Db.Things.Create("Startup", "acme", Acme);
        Db.Lifecycle.Branch("experiment");
        Db.Lifecycle.Checkout("experiment");
        Db.Things.Update("Startup", "acme", Acme);
        Db.Things.Create("Startup", "draft", Acme);
        Db.Lifecycle.Checkout("main");
        var seen = Highest();

        Db.Lifecycle.DeleteBranch("experiment", force: true);
        var reopened = _test.Reopen(); // the floor is in the file, not only in this connection's memory
        var after = reopened.Things.Update("Startup", "acme", Acme);

        Assert.True(after.Version > seen.Version, $"version {after.Version} was given again (highest before the deletion: {seen.Version})");
        Assert.True(Highest().Event > seen.Event);
        Assert.Equal(after.Version, reopened.Actions.Get(reopened.Events.List()[^1].ActionId!.Value)!.AfterVersion);
    }

    [Fact]
    public void A_rolled_back_write_after_a_deletion_leaves_the_floor_in_place()
    {
        Db.Things.Create("Startup", "acme", Acme);
        Db.Things.Create("Startup", "gone", Acme);
        Db.Things.Delete("Startup", "gone");
        Db.Lifecycle.Compact(force: false);
        var seen = Highest();
        Db.InTransaction(() =>
        {
            // What an archiving deletion does: record the floors, delete the newest event, read the floors again.
            Db.RaiseRowIdFloors();
            Db.Execute("DELETE FROM stored_events WHERE sequence = (SELECT MAX(sequence) FROM stored_events)");
            Db.RefreshRowIdFloors();
        });

        Assert.Throws<InvalidOperationException>(() => Db.InTransaction(() =>
        {
            Db.Things.Update("Startup", "acme", Acme);
            throw new InvalidOperationException("the verb failed after writing");
        }));
        Db.Things.Update("Startup", "acme", Acme);

        Assert.True(Highest().Event > seen.Event, "the event sequence freed by the deletion was given again after a rollback");
    }

    [Fact]
    public void A_write_takes_the_next_action_id_without_reading_the_tables_once_it_has_written_one()
    {
        Db.Things.Create("Startup", "acme", Acme);
        var first = Highest().Action;

        Assert.Equal(first + 1, Db.KnownNextSequence);
        Db.Things.Update("Startup", "acme", Acme);
        Assert.Equal(first + 1, Highest().Action);
        Assert.Equal(first + 2, Db.KnownNextSequence);
    }

    [Fact]
    public void An_action_another_connection_wrote_is_not_overwritten_and_its_id_not_given_again()
    {
        Db.Things.Create("Startup", "acme", Acme);
        var next = Db.KnownNextSequence!.Value;
        using (var other = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_test.Path};Pooling=False"))
        {
            // Another process on the file (a tool, a second host by mistake) takes the id this connection expects next.
            other.Open();
            using var insert = other.CreateCommand();
            insert.CommandText = $"INSERT INTO stored_actions (id, verb, target, branch, durability, status, attempts, created_at, updated_at) VALUES ({next}, 'outside', 'acme', 1, 'do', 'completed', 1, 0, 0)";
            insert.ExecuteNonQuery();
        }

        var written = Db.Things.Update("Startup", "acme", Acme);

        var action = Db.Actions.Get(Db.Events.List()[^1].ActionId!.Value)!;
        Assert.Equal(written.Version, action.AfterVersion);
        Assert.True(action.Id > next, $"the write took action id {action.Id}, at or below the id {next} written outside");
        Assert.Equal("outside", Db.Scalar($"SELECT verb FROM actions WHERE id = {next}"));
        Assert.Equal(action.Id + 1, Db.KnownNextSequence);
    }

    [Fact]
    public void A_rolled_back_write_only_skips_ids()
    {
        Db.Things.Create("Startup", "acme", Acme);
        var seen = Highest();

        Assert.Throws<InvalidOperationException>(() => Db.InTransaction(() =>
        {
            Db.Things.Update("Startup", "acme", Acme);
            throw new InvalidOperationException("the verb failed after writing");
        }));
        Db.Things.Update("Startup", "acme", Acme);

        var after = Highest();
        Assert.True(after.Action > seen.Action && after.Event > seen.Event, $"ids went from {seen} to {after}");
        Assert.Equal(2L, Db.Scalar("SELECT count(*) FROM actions"));
    }

    private (long Version, long Action, long Event) Highest()
        => ((long)Db.Scalar("SELECT MAX(version) FROM things")!, (long)Db.Scalar("SELECT MAX(id) FROM actions")!, (long)Db.Scalar("SELECT MAX(sequence) FROM events")!);
}
