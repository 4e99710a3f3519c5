using Do.Storage;
using Do.Tests.Support;

namespace Do.Tests.Storage;

/// <summary>
/// Every version is found through <c>thing_versions</c>: <c>recent</c>, which each insert into <c>things</c> adds to, and
/// <c>history</c>, where appends move <c>recent</c> in batches of <see cref="ThingStore.HistoryBatch"/> versions. Across
/// several batches, on main and on a branch, every read agrees with the versions visible in the raw log, computed here
/// without either table; and a rolled-back transaction that moved a batch loses nothing and keeps the batches' rhythm.
/// </summary>
public sealed class HistoryBatchTests : IDisposable
{
    private const string Noun = "Startup";
    private static readonly string[] Ids = ["a", "b", "c", "d"];
    private readonly TestDatabase _test = new();

    private ObjectDatabase Db => _test.Db;

    public void Dispose() => _test.Dispose();

    [Fact]
    public void Reads_across_batches_and_branches_match_the_raw_log()
    {
        var random = new Random(12);
        foreach (var id in Ids[..3])
        {
            Db.Things.Create(Noun, id, Json(0));
        }

        Write(random, Ids[..3], ThingStore.HistoryBatch + 150);
        Db.Lifecycle.Branch("x");
        Db.Lifecycle.Checkout("x");
        Write(random, ["b", "c"], ThingStore.HistoryBatch + 50);
        Db.Things.Delete(Noun, "c");
        Db.Things.Create(Noun, "d", Json(1));
        Write(random, ["b", "d"], 40);

        Db.Lifecycle.Checkout("main");
        Write(random, ["a", "c"], 100);

        Assert.True(Count("SELECT count(*) FROM history") >= 2 * ThingStore.HistoryBatch, "two batches moved into history");
        AssertReadsMatchTheLog();
        Db.Lifecycle.Checkout("x");
        AssertReadsMatchTheLog();
    }

    [Fact]
    public void A_rolled_back_batch_leaves_history_whole()
    {
        Db.Things.Create(Noun, "a", Json(0));
        var historyBefore = Count("SELECT count(*) FROM history");
        Assert.Equal(1, Count("SELECT count(*) FROM recent"));

        var error = Assert.Throws<InvalidOperationException>(() => Db.InTransaction(() =>
        {
            Write(new Random(1), ["a"], ThingStore.HistoryBatch + 10); // moves a batch, then rolls back with it
            throw new InvalidOperationException("boom");
        }));
        Assert.Equal("boom", error.Message);
        Assert.Equal(historyBefore, Count("SELECT count(*) FROM history"));
        Assert.Equal(1, Count("SELECT count(*) FROM recent"));

        Write(new Random(2), ["a"], (2 * ThingStore.HistoryBatch) + 10);

        Assert.Equal(11, Count("SELECT count(*) FROM recent")); // 1 + 2,058 versions: two batches moved, 11 left
        Assert.Equal(Count("SELECT count(*) FROM things"), Count("SELECT count(*) FROM history") + Count("SELECT count(*) FROM recent"));
        AssertReadsMatchTheLog();
    }

    private void Write(Random random, string[] ids, int count)
    {
        for (int i = 0; i < count; i++)
        {
            Db.Things.Update(Noun, ids[random.Next(ids.Length)], Json(i));
        }
    }

    private void AssertReadsMatchTheLog()
    {
        var live = new List<string>();
        foreach (var id in Ids)
        {
            var visible = VisibleVersions(id);
            Assert.Equal(visible.Select(v => v.Version), Db.Things.History(Noun, id).Select(e => e.Thing.Version));
            Assert.Equal(visible.FirstOrDefault().Version, Db.Things.Get(Noun, id)?.Version ?? 0);
            foreach (var back in new[] { 1, 7, ThingStore.HistoryBatch / 2, visible.Count - 1, visible.Count }.Where(b => b >= 0))
            {
                var expected = back < visible.Count ? visible[back].Version : (long?)null;
                Assert.Equal(expected, Db.Things.Get(Noun, $"{id}@~{back}")?.Version);
            }

            if (visible.Count > 0 && !visible[0].Deleted)
            {
                live.Add(id);
            }
        }

        Assert.Equal(live, Db.Things.List(Noun).Select(t => t.Id));
    }

    /// <summary>The versions of a thing visible on the checked-out branch, newest first, from the raw log alone.</summary>
    private List<(long Version, bool Deleted)> VisibleVersions(string id)
    {
        var chain = Db.Branches.ChainOf(Db.Branches.Current);
        var result = new List<(long, bool)>();
        using var command = Db.Connection.CreateCommand();
        command.CommandText = "SELECT version, branch, deleted FROM things WHERE id = $id AND noun = (SELECT id FROM nouns WHERE name = $noun) ORDER BY version DESC";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$noun", Noun);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var (version, branch) = (reader.GetInt64(0), reader.GetInt64(1));
            if (chain.Any(link => link.Branch == branch && version <= (link.UpTo ?? long.MaxValue)))
            {
                result.Add((version, reader.GetInt64(2) != 0));
            }
        }

        return result;
    }

    private long Count(string sql) => (long)Db.Scalar(sql)!;

    private static string Json(int priority) => $$"""{"name":"Acme","priority":{{priority}},"tags":[]}""";
}
