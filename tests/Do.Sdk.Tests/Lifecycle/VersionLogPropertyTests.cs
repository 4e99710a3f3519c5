using System.Security.Cryptography;
using CsCheck;
using Do.Storage;
using Do.Tests.Support;

namespace Do.Tests.Lifecycle;

/// <summary>
/// Random sequences of create, update, delete, branch, checkout and merge against one object's database. After every
/// step, HEAD (what the store lists) equals the fold of the version log visible on the checked-out branch, computed
/// here from the raw tables; and every failed operation — a conflicting merge above all — leaves the file's bytes as
/// they were.
/// </summary>
public sealed class VersionLogPropertyTests : IDisposable
{
    private static readonly string[] Ids = ["a", "b", "c"];
    private static readonly string[] Branches = ["main", "x", "y"];
    private readonly TempFolder _temp = new();
    private int _run;

    public void Dispose() => _temp.Dispose();

    private enum Op
    {
        Create,
        Update,
        Delete,
        Branch,
        Checkout,
        Merge,
    }

    [Fact]
    public void Head_is_the_fold_of_the_visible_log_and_failures_change_no_byte()
    {
        var step = Gen.Select(Gen.Enum<Op>(), Gen.Int[0, 2], Gen.Int[0, 3]);
        Gen.Select(step.Array[1, 40], Gen.Bool).Sample((steps, mergeTheirs) => Run(steps, mergeTheirs), iter: 60, threads: 1);
    }

    private void Run((Op Op, int Target, int Value)[] steps, bool mergeTheirs)
    {
        var path = _temp.File($"run{++_run}.db");
        using var db = ObjectDatabase.Open(path, ObjectNamespace.Parse("https://prop.example"));
        foreach (var (op, target, value) in steps)
        {
            var id = Ids[target];
            var branch = Branches[target];
            var json = $"{{\"n\":{value},\"m\":{target}}}";
            db.Execute("PRAGMA wal_checkpoint(TRUNCATE)");
            var before = Fingerprint(path);
            try
            {
                switch (op)
                {
                    case Op.Create:
                        db.Things.Create("Thing", id, json);
                        break;
                    case Op.Update:
                        db.Things.Update("Thing", id, json);
                        break;
                    case Op.Delete:
                        db.Things.Delete("Thing", id);
                        break;
                    case Op.Branch:
                        db.Lifecycle.Branch(branch);
                        break;
                    case Op.Checkout:
                        db.Lifecycle.Checkout(branch);
                        break;
                    default:
                        var strategy = mergeTheirs && value == 0 ? MergeStrategy.Theirs : MergeStrategy.None;
                        db.Lifecycle.Merge(branch, strategy, out var conflicts);
                        if (conflicts.Count > 0 && strategy == MergeStrategy.None)
                        {
                            Assert.Equal(before, Fingerprint(path)); // a conflicting merge changes no byte
                        }

                        break;
                }
            }
            catch (Exception e) when (e is ThingAlreadyExistsException or ThingNotFoundException or InvalidOperationException or RefNotFoundException)
            {
                Assert.Equal(before, Fingerprint(path)); // a failed operation changes no byte
            }

            Assert.Equal(Fold(db), Head(db));

            // Written without a trigger and without enforced foreign keys (schema 15, write path round 12), the log still
            // holds together: each thing's tip is its newest version on its branch, and every reference names a row.
            Assert.Equal(0L, db.Scalar(Sql.StaleTips));
            Assert.Null(db.Scalar("PRAGMA foreign_key_check"));
        }
    }

    /// <summary>What the store says HEAD is: id → data of live things on the checked-out branch.</summary>
    private static SortedDictionary<string, string> Head(ObjectDatabase db)
        => new(db.Things.List("Thing").ToDictionary(t => t.Id, t => t.Data!), StringComparer.Ordinal);

    /// <summary>The fold of the visible log, computed from the raw tables without the store's visibility code.</summary>
    private static SortedDictionary<string, string> Fold(ObjectDatabase db)
    {
        var visible = new List<(long Branch, long UpTo)>();
        long? current = db.Branches.Current;
        long upTo = long.MaxValue;
        while (current is long branch)
        {
            visible.Add((branch, upTo));
            using var reader = db.Connection.CreateCommand().Also(c => c.CommandText = $"SELECT parent, fork_version FROM branches WHERE id = {branch}").ExecuteReader();
            reader.Read();
            current = reader.IsDBNull(0) ? null : reader.GetInt64(0);
            upTo = reader.IsDBNull(1) ? upTo : Math.Min(upTo, reader.GetInt64(1));
        }

        var state = new SortedDictionary<string, string>(StringComparer.Ordinal);
        using var rows = db.Connection.CreateCommand().Also(c => c.CommandText = "SELECT version, branch, id, data, deleted FROM things ORDER BY version").ExecuteReader();
        while (rows.Read())
        {
            var (version, branch) = (rows.GetInt64(0), rows.GetInt64(1));
            if (!visible.Any(v => v.Branch == branch && version <= v.UpTo))
            {
                continue;
            }

            if (rows.GetInt64(4) == 1)
            {
                state.Remove(rows.GetString(2));
            }
            else
            {
                state[rows.GetString(2)] = rows.GetString(3);
            }
        }

        return state;
    }

    private static string Fingerprint(string path)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in new[] { path, path + "-wal" })
        {
            if (File.Exists(file))
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                var bytes = new byte[stream.Length];
                stream.ReadExactly(bytes);
                hash.AppendData(bytes);
            }
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }
}

internal static class AlsoExtensions
{
    public static T Also<T>(this T value, Action<T> action)
    {
        action(value);
        return value;
    }
}
