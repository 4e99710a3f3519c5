using Do.Storage;
using Do.Tests.Support;

namespace Do.Tests.Storage;

/// <summary>
/// A thing's versions form a chain: <c>tip</c> holds its newest version per branch and each version names the one it
/// replaced (<c>prev</c>), so reads of older versions walk the chain and a branch's chain continues into its parent's.
/// On main, on a branch, on a branch of a branch, at a checked-out version and after deletes and re-creates, every read
/// agrees with the versions visible in the raw log, computed here from <c>things</c> and <c>branches</c> alone; and a
/// rolled-back write leaves the chain as it was.
/// </summary>
public sealed class VersionChainTests : IDisposable
{
    private const string Noun = "Startup";
    private static readonly string[] Ids = ["a", "b", "c", "d", "e"];
    private readonly TestDatabase _test = new();

    private ObjectDatabase Db => _test.Db;

    public void Dispose() => _test.Dispose();

    [Fact]
    public void Reads_on_branches_of_branches_match_the_raw_log()
    {
        var random = new Random(12);
        foreach (var id in Ids[..3])
        {
            Db.Things.Create(Noun, id, Json(0));
        }

        Write(random, Ids[..3], 150);
        Db.Lifecycle.Branch("x");
        Db.Lifecycle.Checkout("x");
        Write(random, ["b", "c"], 50);
        Db.Things.Delete(Noun, "c");
        Db.Things.Create(Noun, "d", Json(1));
        Write(random, ["b", "d"], 40);

        Db.Lifecycle.Branch("y"); // forked from x: sees x up to here, and main up to x's fork
        Db.Lifecycle.Checkout("y");
        Write(random, ["a", "d"], 30);
        Db.Things.Create(Noun, "c", Json(2)); // deleted on x, created again on y
        Db.Things.Create(Noun, "e", Json(3));

        Db.Lifecycle.Checkout("x");
        Write(random, ["a", "b", "d"], 60); // after y's fork: y must not see these
        Db.Lifecycle.Checkout("main");
        Write(random, ["a", "c"], 100); // after x's fork: neither x nor y sees these
        Db.Things.Delete(Noun, "a");
        Db.Things.Create(Noun, "a", Json(4));

        foreach (var view in new[] { "main", "x", "y" })
        {
            Db.Lifecycle.Checkout(view);
            AssertReadsMatchTheLog(view);
        }

        // A view at a version: every branch of the chain is read up to it.
        Db.Lifecycle.Checkout("y");
        var middle = (long)Db.Scalar("SELECT version FROM things WHERE branch = (SELECT id FROM branches WHERE name = 'y') ORDER BY version LIMIT 1 OFFSET 10")!;
        Db.Lifecycle.Checkout($"@v{middle}");
        AssertReadsMatchTheLog($"y@v{middle}");
    }

    [Fact]
    public void Heads_view_and_listing_read_the_tip_of_each_branch()
    {
        Db.Things.Create(Noun, "a", Json(1));
        Db.Things.Create(Noun, "b", Json(1));
        Db.Lifecycle.Branch("x");
        Db.Things.Update(Noun, "a", Json(2)); // main, after the fork
        Db.Lifecycle.Checkout("x");
        Db.Things.Update(Noun, "b", Json(3));

        Assert.Equal(["a@1", "b@3"], Db.Things.List(Noun).Select(t => t.Id + "@" + Priority(t.Data)));
        Assert.Equal("a@1 b@3", Db.Scalar("SELECT group_concat(id || '@' || json_extract(data, '$.priority'), ' ') FROM (SELECT * FROM heads ORDER BY id)"));
        Db.Lifecycle.Checkout("main");
        Assert.Equal("a@2 b@1", Db.Scalar("SELECT group_concat(id || '@' || json_extract(data, '$.priority'), ' ') FROM (SELECT * FROM heads ORDER BY id)"));
    }

    [Fact]
    public void A_rolled_back_write_leaves_the_chain_as_it_was()
    {
        Db.Things.Create(Noun, "a", Json(0));
        Write(new Random(1), ["a"], 5);
        var tip = Db.Scalar("SELECT version FROM tip");

        var error = Assert.Throws<InvalidOperationException>(() => Db.InTransaction(() =>
        {
            Write(new Random(2), ["a"], 10);
            Db.Things.Create(Noun, "b", Json(1));
            throw new InvalidOperationException("boom");
        }));

        Assert.Equal("boom", error.Message);
        Assert.Equal(tip, Db.Scalar("SELECT version FROM tip"));
        Assert.Equal(1L, Db.Scalar("SELECT count(*) FROM tip"));
        Write(new Random(3), ["a"], 3);
        AssertReadsMatchTheLog("main");
    }

    [Fact]
    public void Each_version_names_the_one_it_replaced_and_a_branch_starts_from_its_parent()
    {
        var v1 = Db.Things.Create(Noun, "a", Json(1)).Version;
        var v2 = Db.Things.Update(Noun, "a", Json(2)).Version;
        Db.Lifecycle.Branch("x");
        Db.Lifecycle.Checkout("x");
        var v3 = Db.Things.Update(Noun, "a", Json(3)).Version;
        var v4 = Db.Things.Delete(Noun, "a").Version;
        var v5 = Db.Things.Create(Noun, "a", Json(5)).Version;

        Assert.Equal($"{v1}: {v2}:{v1} {v3}:{v2} {v4}:{v3} {v5}:{v4}", Db.Scalar("SELECT group_concat(version || ':' || COALESCE(prev, ''), ' ') FROM (SELECT * FROM things WHERE id = 'a' ORDER BY version)"));
        Assert.Equal($"1:{v2} 2:{v5}", Db.Scalar("SELECT group_concat(branch || ':' || version, ' ') FROM (SELECT * FROM tip ORDER BY branch)"));
    }

    [Fact]
    public void Skip_links_name_the_ancestor_at_each_boundary_and_long_walks_read_right()
    {
        Db.Things.Create(Noun, "a", Json(0));
        Db.Things.Create(Noun, "b", Json(0));
        Write(new Random(5), ["a"], 4500); // past the 4,096 boundary
        Db.Lifecycle.Branch("x");
        Db.Lifecycle.Checkout("x");
        Write(new Random(6), ["a"], 20);
        Db.Lifecycle.Checkout("main");
        Write(new Random(7), ["a", "b"], 400); // x reads b (never written there) by walking main's chain back to the fork

        // Every version's links, checked against its chain walked one prev at a time.
        var rows = new Dictionary<long, (long? Prev, long Depth, long?[] Skips)>();
        using (var command = Db.Connection.CreateCommand())
        {
            command.CommandText = "SELECT version, prev, depth, skip16, skip256, skip4096, skip65536 FROM things WHERE noun = (SELECT id FROM nouns WHERE name = 'Startup')";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                rows[reader.GetInt64(0)] = (reader.IsDBNull(1) ? null : reader.GetInt64(1), reader.GetInt64(2), [.. Enumerable.Range(3, 4).Select(i => reader.IsDBNull(i) ? (long?)null : reader.GetInt64(i))]);
            }
        }

        long[] strides = [16, 256, 4096, 65536];
        foreach (var (version, row) in rows)
        {
            var ancestors = new List<long>();
            for (var at = row.Prev; at is long back; at = rows[back].Prev)
            {
                ancestors.Add(back);
            }

            Assert.Equal(ancestors.Count, row.Depth);
            for (int level = 0; level < strides.Length; level++)
            {
                long? expected = row.Depth == 0 ? null : ancestors[(int)(row.Depth - 1 - ((row.Depth - 1) / strides[level] * strides[level]))];
                Assert.True(expected == row.Skips[level], $"v{version} at depth {row.Depth}: skip{strides[level]} is v{row.Skips[level]}, expected v{expected}");
            }
        }

        Assert.Contains(rows.Values, r => r.Skips[2] is not null && r.Skips[2] != r.Prev); // a skip4096 that jumps
        foreach (var view in new[] { "main", "x" })
        {
            Db.Lifecycle.Checkout(view);
            AssertReadsMatchTheLog(view, [4000, 4095, 4096, 4097, 4300]);
        }
    }

    [Theory]
    [InlineData("main")]
    [InlineData("x")]
    public void A_write_from_a_stale_head_still_extends_the_chain(string branch)
    {
        Db.Things.Create(Noun, "a", Json(1));
        if (branch != "main")
        {
            Db.Lifecycle.Branch(branch);
            Db.Lifecycle.Checkout(branch);
        }

        // A verb read HEAD, then something in the same turn wrote the thing before the verb appended its own version.
        var stale = Db.Things.Get(Noun, "a")!;
        var between = Db.Things.Update(Noun, "a", Json(2));
        var nounId = Db.NounId(Noun);
        var last = Db.InTransaction(() => Db.Things.Append(nounId, Noun, "a", Json(3), stale, "update", "updated", null, Json(3)));

        Assert.Equal([last.Version, between.Version, stale.Version], Db.Things.History(Noun, "a").Select(e => e.Thing.Version));
        Assert.Equal(between.Version, Db.Things.Get(Noun, "a@~1")!.Version);
        Assert.Equal(stale.Version, Db.Things.Get(Noun, "a@~2")!.Version);
    }

    private void Write(Random random, string[] ids, int count)
    {
        for (int i = 0; i < count; i++)
        {
            Db.Things.Update(Noun, ids[random.Next(ids.Length)], Json(i));
        }
    }

    private void AssertReadsMatchTheLog(string view, params int[] deep)
    {
        var live = new List<string>();
        var heads = new List<string>();
        foreach (var id in Ids)
        {
            var visible = VisibleVersions(id);
            Assert.True(visible.Select(v => v.Version).SequenceEqual(Db.Things.History(Noun, id).Select(e => e.Thing.Version)), $"history of {id} on {view}");
            Assert.Equal(visible.FirstOrDefault().Version, Db.Things.Get(Noun, id)?.Version ?? 0);
            foreach (var back in new[] { 1, 2, 7, 16, 17, 255, 256, 257, visible.Count / 2, visible.Count - 1, visible.Count }.Concat(deep).Where(b => b >= 0))
            {
                var expected = back < visible.Count ? visible[back].Version : (long?)null;
                Assert.True(expected == Db.Things.Get(Noun, $"{id}@~{back}")?.Version, $"{id}@~{back} on {view}: expected v{expected}");
            }

            if (visible.Count > 0 && !visible[0].Deleted)
            {
                live.Add(id);
                heads.Add($"{id}@v{visible[0].Version}");
            }
        }

        Assert.Equal(live, Db.Things.List(Noun).Select(t => t.Id));
        if (Db.Branches.DetachedAt is null)
        {
            // The heads view, for people reading the file, walks the same chains in SQL (a read-only view at a version
            // shows its branch's head there, so only branches are compared).
            heads.Sort(StringComparer.Ordinal);
            var listed = Db.Scalar($"SELECT group_concat(id || '@v' || version, ' ') FROM (SELECT * FROM heads WHERE noun = '{Noun}' ORDER BY id)") as string;
            Assert.Equal(string.Join(' ', heads), listed ?? "");
        }
    }

    /// <summary>The versions of a thing visible in the checked-out view, newest first, from the raw log alone.</summary>
    private List<(long Version, bool Deleted)> VisibleVersions(string id)
    {
        var chain = Db.Branches.ChainOf(Db.Branches.Current);
        var cap = Db.Branches.DetachedAt ?? long.MaxValue;
        var result = new List<(long, bool)>();
        using var command = Db.Connection.CreateCommand();
        command.CommandText = "SELECT version, branch, deleted FROM things WHERE id = $id AND noun = (SELECT id FROM nouns WHERE name = $noun) ORDER BY version DESC";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$noun", Noun);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var (version, branch) = (reader.GetInt64(0), reader.GetInt64(1));
            if (version <= cap && chain.Any(link => link.Branch == branch && version <= (link.UpTo ?? long.MaxValue)))
            {
                result.Add((version, reader.GetInt64(2) != 0));
            }
        }

        return result;
    }

    private static long Priority(string? json) => System.Text.Json.JsonDocument.Parse(json!).RootElement.GetProperty("priority").GetInt64();

    private static string Json(int priority) => $$"""{"name":"Acme","priority":{{priority}},"tags":[]}""";
}
