using System.Text;
using Do.Storage;
using Do.Tests.Support;

namespace Do.Tests.Storage;

/// <summary>
/// Files written by earlier releases open in place and read exactly as before. Each fixture was written by the Do.Sdk
/// of its schema version (Fixtures/WriteFixture.cs.txt, run against commit 4c184d9 for v3 and feb3192 for v6), and
/// its <c>.expected.txt</c> is what that release read back: HEAD on main and a branch, <c>@~1</c>, every history
/// entry, action and event, and the undispatched outbox.
/// </summary>
public sealed class SchemaUpgradeTests : IDisposable
{
    private static readonly ObjectNamespace Ns = ObjectNamespace.Parse("https://fixture.example");
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(3)]
    [InlineData(6)]
    public void OldFile_UpgradesInPlace_AndReadsTheSame(int version)
    {
        var path = CopyFixture(version);
        Assert.Equal((long)version, Sql.Scalar(path, "PRAGMA user_version"));

        using (var db = ObjectDatabase.Open(path, Ns, SynchronousMode.Full, FakeClock.Create()))
        {
            Assert.Equal(ObjectSchema.Migrations[^1].Version, db.SchemaVersion);
            Assert.Equal(ObjectSchema.Migrations.Length - version, db.MigrationsApplied);
            Assert.Equal(Expected(version), Dump(db));
        }

        // The upgrade dropped the copies of state JSON from events (it rewrote the file, not a view of it)...
        Assert.Equal(0L, Sql.Scalar(path, "SELECT count(*) FROM events AS e JOIN things AS t ON t.version = e.version WHERE e.data = t.data"));
        Assert.Equal(8L, Sql.Scalar(path, "SELECT count(*) FROM events WHERE data IS NULL"));

        // ... and people reading the file with plain SQL still see every event's data.
        Assert.Equal(0L, Sql.Scalar(path, "SELECT count(*) FROM events_view WHERE data IS NULL"));

        // An old file keeps its page size (a new one gets ObjectSchema.PageSize).
        Assert.Equal(4096L, Sql.Scalar(path, "PRAGMA page_size"));

        // The action CHECKs and the open-actions index were rewritten without IN lists (migration 11), in the old file too.
        // The table is stored_actions since migration 16.
        Assert.Equal(0L, Sql.Scalar(path, "SELECT count(*) FROM sqlite_schema WHERE name IN ('stored_actions', 'actions_open') AND sql LIKE '% IN (%'"));
        Assert.Equal(2L, Sql.Scalar(path, "SELECT count(*) FROM sqlite_schema WHERE name IN ('stored_actions', 'actions_open') AND sql LIKE '%status = ''retrying''%'"));

        // Reopening runs nothing more and still reads the same.
        using var again = ObjectDatabase.Open(path, Ns, SynchronousMode.Full, FakeClock.Create());
        Assert.Equal(0, again.MigrationsApplied);
        Assert.Equal(Expected(version), Dump(again));
    }

    [Fact]
    public void UpgradedFile_TakesNewWrites_WhoseEventsReadTheirState()
    {
        var path = CopyFixture(3);
        using var db = ObjectDatabase.Open(path, Ns, SynchronousMode.Full, FakeClock.Create());

        var written = db.Things.Update("Startup", "acme", """{"name":"Acme","priority":6}""");

        // Versions, actions and events draw from one counter since migration 16: the write's id follows every id of the
        // old file (its last version is 9, its last action 12) and is at once its version, its action and its event.
        Assert.Equal(13, written.Version);
        var last = Assert.Single(db.Events.List(after: 11));
        Assert.Equal(written.Version, last.Sequence);
        Assert.Equal("""{"name":"Acme","priority":6}""", last.Data);
        Assert.Equal("https://fixture.example/acme", last.Source);
        // The new event is derived from its action (no row of its own) and sorts after every event of the old file.
        Assert.True(last.Sequence > 11, $"sequence {last.Sequence} does not follow the old file's last event (11)");
        Assert.Equal(last.Sequence, last.ActionId);
        Assert.Equal(0L, Sql.Scalar(path, $"SELECT count(*) FROM stored_events WHERE sequence = {last.Sequence}"));
        Assert.Equal("Startup.updated", Sql.Scalar(path, $"SELECT event FROM actions WHERE id = {last.Sequence}"));
    }

    [Fact]
    public void Views_over_the_version_log_read_the_same_after_the_index_moved_to_history()
    {
        // A noun view as the generator wrote it before migration 13, over the dropped index.
        var path = CopyFixture(6);
        using (var old = Sql.Open(path))
        using (var create = old.CreateCommand())
        {
            create.CommandText = """
                CREATE VIEW "Startup" AS
                SELECT t.id AS id, t.version AS version, json_extract(t.data, '$.priority') AS "Priority"
                FROM things AS t JOIN nouns AS n ON n.id = t.noun AND n.name = 'Startup'
                WHERE t.branch = 1 AND t.deleted = 0
                  AND t.version = (SELECT MAX(h.version) FROM things AS h WHERE h.noun = t.noun AND h.id = t.id AND h.branch = 1)
                """;
            create.ExecuteNonQuery();
        }

        const string NounView = "SELECT group_concat(id || '@v' || version || '=' || Priority, ' ') FROM (SELECT * FROM \"Startup\" ORDER BY id)";
        const string Heads = "SELECT group_concat(noun || '/' || id || '@v' || version, ' ') FROM (SELECT * FROM heads ORDER BY noun, id)";
        var (noun, heads) = (Sql.Scalar(path, NounView), Sql.Scalar(path, Heads));
        Assert.NotNull(noun);
        Assert.NotNull(heads);

        using (ObjectDatabase.Open(path, Ns, SynchronousMode.Full, FakeClock.Create()))
        {
        }

        Assert.Equal(0L, Sql.Scalar(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'things_by_id'"));
        Assert.Equal(0L, Sql.Scalar(path, "SELECT count(*) FROM sqlite_schema WHERE type = 'view' AND sql LIKE '%FROM things AS h%'"));
        Assert.Equal(noun, Sql.Scalar(path, NounView));
        Assert.Equal(heads, Sql.Scalar(path, Heads));
        Assert.Equal(Sql.Scalar(path, "SELECT count(*) FROM things"), Sql.Scalar(path, "SELECT count(*) FROM thing_versions"));
    }

    private string CopyFixture(int version)
    {
        var path = _folder.File($"schema-v{version}.db");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Storage", "Fixtures", $"schema-v{version}.db"), path);
        return path;
    }

    private static string Expected(int version)
        => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Storage", "Fixtures", $"schema-v{version}.expected.txt"));

    // The same projection the fixture writer printed with the old release (keep the two in step).
    private static string Dump(ObjectDatabase db)
    {
        var w = new StringBuilder();
        foreach (var (noun, id) in new[] { ("Startup", "acme"), ("Startup", "beta"), ("Startup", "gamma"), ("Customer", "alice") })
        {
            foreach (var at in new[] { id, id + "@main", id + "@experiment", id + "@~1" })
            {
                var t = db.Things.Get(noun, at);
                w.AppendLine(FormattableString.Invariant($"get {noun} {at}: {(t is null ? "null" : FormattableString.Invariant($"v{t.Version} deleted={t.Deleted} {t.Data}"))}"));
            }

            foreach (var h in db.Things.History(noun, id))
            {
                w.AppendLine(FormattableString.Invariant($"history {noun} {id}: v{h.Thing.Version} deleted={h.Thing.Deleted} action={h.ActionId} {h.Verb} {h.At:O} {h.Thing.Data}"));
            }
        }

        foreach (var a in db.Actions.List())
        {
            w.AppendLine(FormattableString.Invariant($"action {a.Id} {a.Verb} actor={a.Actor} target={a.Target} in={a.Input} out={a.Output} before={a.BeforeVersion} after={a.AfterVersion} {a.Durability} {a.Status} attempts={a.Attempts} error={a.Error} {a.CreatedAt:O} {a.CompletedAt:O}"));
        }

        foreach (var e in db.Events.List())
        {
            w.AppendLine(FormattableString.Invariant($"event {e.Sequence} {e.Type} {e.Source} thing={e.Thing} v={e.Version} action={e.ActionId} {e.At:O} dispatched={e.DispatchedAt:O} {e.Data}"));
        }

        foreach (var e in db.Events.Undispatched())
        {
            w.AppendLine(FormattableString.Invariant($"undispatched {e.Sequence}"));
        }

        return w.ToString();
    }
}
