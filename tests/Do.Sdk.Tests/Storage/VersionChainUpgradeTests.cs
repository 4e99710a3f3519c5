using System.Text;
using Do.Storage;
using Do.Tests.Support;

namespace Do.Tests.Storage;

/// <summary>
/// A schema-13 file, whose versions were found through <c>recent</c> and <c>history</c>, opens as a version chain
/// (migration 14) and reads exactly as before. The fixture was written by the Do.Sdk of schema 13
/// (Fixtures/WriteChainFixture.cs.txt, run against commit e2c9e9a) and its <c>.expected.txt</c> is what that release read
/// back: on main, on a branch, on a branch of that branch (both kept writing after their children forked), at a checked-out
/// version and on a merged branch, every thing's HEAD, <c>@~N</c> up to 400 back, two points in time, its history, the
/// listing, the <c>heads</c> view and a noun view written by the generator of that release.
/// </summary>
public sealed class VersionChainUpgradeTests : IDisposable
{
    private static readonly ObjectNamespace Ns = ObjectNamespace.Parse("https://fixture.example");
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Schema13_file_reads_the_same_through_the_chain()
    {
        var path = _folder.File("schema-v13.db");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Storage", "Fixtures", "schema-v13.db"), path);
        Assert.Equal(13L, Sql.Scalar(path, "PRAGMA user_version"));
        var expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Storage", "Fixtures", "schema-v13.expected.txt"));

        using (var db = ObjectDatabase.Open(path, Ns, SynchronousMode.Full, FakeClock.Create()))
        {
            Assert.Equal(ObjectSchema.Migrations[^1].Version, db.SchemaVersion);
            Assert.Equal(expected, Dump(db));
        }

        Assert.Equal(0L, Sql.Scalar(path, "SELECT count(*) FROM sqlite_schema WHERE name IN ('history', 'recent', 'things_recent')"));
        Assert.Equal(0L, Sql.Scalar(path, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'")); // migration 15: the writer moves tip
        Assert.Equal(0L, Sql.Scalar(path, "SELECT count(*) FROM sqlite_schema WHERE type = 'view' AND (sql LIKE '%history%' OR sql LIKE '%recent%')"));
        Assert.Equal(Sql.Scalar(path, "SELECT count(*) FROM things"), Sql.Scalar(path, "SELECT count(*) FROM thing_versions"));

        // Every version but each thing's first on main names its predecessor.
        Assert.Equal(Sql.Scalar(path, "SELECT count(*) - count(DISTINCT noun || '/' || id) FROM things WHERE branch = 1"), Sql.Scalar(path, "SELECT count(*) FROM things WHERE branch = 1 AND prev IS NOT NULL"));
        Assert.Equal(0L, Sql.Scalar(path, "SELECT count(*) FROM things WHERE branch != 1 AND prev IS NULL AND NOT (noun = (SELECT id FROM nouns WHERE name = 'Startup') AND id IN ('d', 'e', 'f'))"));

        // Writes after the upgrade extend the chain, and reopening runs nothing more.
        using var again = ObjectDatabase.Open(path, Ns, SynchronousMode.Full, FakeClock.Create());
        Assert.Equal(0, again.MigrationsApplied);
        var head = again.Things.Get("Startup", "b")!;
        var next = again.Things.Update("Startup", "b", """{"name":"b","priority":99}""");
        Assert.Equal(head.Version, again.Things.Get("Startup", "b@~1")!.Version);
        Assert.Equal(next.Version, again.Things.Get("Startup", "b")!.Version);
    }

    // The same projection the fixture writer printed with the old release (keep the two in step).
    private static string Dump(ObjectDatabase db)
    {
        var w = new StringBuilder();
        var y = db.Scalar("SELECT id FROM branches WHERE name = 'y'");
        var middle = (long)db.Scalar(FormattableString.Invariant($"SELECT version FROM things WHERE branch = {y} ORDER BY version LIMIT 1 OFFSET 15"))!;
        foreach (var view in new[] { "main", "x", "y", FormattableString.Invariant($"@v{middle}"), "z" })
        {
            db.Lifecycle.Checkout(view);
            w.AppendLine(FormattableString.Invariant($"view {view}"));
            foreach (var (noun, id) in new[] { ("Startup", "a"), ("Startup", "b"), ("Startup", "c"), ("Startup", "d"), ("Startup", "e"), ("Startup", "f"), ("Customer", "alice") })
            {
                foreach (var at in new[] { id, id + "@~1", id + "@~2", id + "@~7", id + "@~60", id + "@~400", id + "@2026-11-01T09:10:00Z", id + "@2026-11-01T09:25:00Z" })
                {
                    var t = db.Things.Get(noun, at);
                    w.AppendLine(FormattableString.Invariant($"get {noun} {at}: {(t is null ? "null" : FormattableString.Invariant($"v{t.Version} deleted={t.Deleted} {t.Data}"))}"));
                }

                var history = db.Things.History(noun, id);
                w.AppendLine(FormattableString.Invariant($"history {noun} {id}: {history.Count} {string.Join(" ", history.Take(12).Select(h => FormattableString.Invariant($"v{h.Thing.Version}/{h.ActionId}/{h.Verb}/{h.At:O}")))} ... {history.Select(h => h.Thing.Version).Sum()}"));
            }

            w.AppendLine(FormattableString.Invariant($"list {string.Join(" ", db.Things.List("Startup").Select(t => FormattableString.Invariant($"{t.Id}@v{t.Version}")))}"));
            w.AppendLine(FormattableString.Invariant($"heads {db.Scalar("SELECT group_concat(noun || '/' || id || '@v' || version, ' ') FROM (SELECT * FROM heads ORDER BY noun, id)")}"));
        }

        db.Lifecycle.Checkout("main");
        w.AppendLine(FormattableString.Invariant($"view Startup {db.Scalar("SELECT group_concat(id || '@v' || version || '=' || Priority, ' ') FROM (SELECT * FROM \"Startup\" ORDER BY id)")}"));
        return w.ToString();
    }
}
