using System.Diagnostics;
using System.Globalization;
using Do.Benchmarks.Support;
using Do.Storage;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Do.Benchmarks;

/// <summary>
/// What each statement of a group commit's member costs on the writer, and what each part of the schema adds to it: a
/// sync verb's statements since schema 16 (the version INSERT, which carries the action and the derived event, then the
/// UPSERT that moves the thing's <c>tip</c>), with the runtime's own SQL text (<see cref="ThingStore.InsertVersionSql"/>,
/// <see cref="ThingStore.MoveTipSql"/>), prepared once and run through SQLite's own API in groups of 64 members per
/// transaction under NORMAL (64 things, one write each per group, like the 64-caller write profile), on a copy of a real
/// object file, each timed with a <see cref="Stopwatch"/>. Variants switch one thing off at a time, alternated round by
/// round; the medians are per member. Not BenchmarkDotNet: the point is the split, one thread, no callers.
/// <code>dotnet run -c Release --project benchmarks/Do.Sdk.Benchmarks -- --insert-probe [rounds] [groups per round]</code>
/// </summary>
public static class InsertProbe
{
    private const int GroupSize = 64;
    private const string State = """{"name":"Startup 12","priority":7,"tags":["a","b"]}""";

    private sealed record Variant(string Name, bool ForeignKeys = true, bool KnownSequence = true, bool Utf8 = false, bool Tip = true);

    private static readonly Variant[] Variants =
    [
        new("as the runtime runs it"),
        new("foreign keys off", ForeignKeys: false),
        new("next id from the max() seeks (as a connection's first write)", KnownSequence: false),
        new("strings bound as UTF-8", Utf8: true),
        new("no tip UPSERT (what the tip costs)", Tip: false),
    ];

    public static async Task<int> Run(int rounds, int groups)
    {
        using var folder = new TempFolder("insert-probe");
        await using (var seed = await BenchHost.StartAsync(Path.Combine(folder.Path, "seed"), SynchronousMode.Normal))
        {
            var studio = seed.Object<Business>(BenchHost.Ns);
            for (int i = 0; i < GroupSize; i++)
            {
                await studio.Collection<Startup>().Create(string.Create(CultureInfo.InvariantCulture, $"s{i}"), new Startup { Name = "Startup" });
            }
        }

        var file = Directory.EnumerateFiles(Path.Combine(folder.Path, "seed"), "*.db", SearchOption.AllDirectories).Single(f => f.Contains("objects", StringComparison.Ordinal));
        var times = Variants.Select(_ => new List<double[]>()).ToArray();
        for (int round = 0; round < rounds; round++)
        {
            for (int v = 0; v < Variants.Length; v++)
            {
                var copy = Path.Combine(folder.Path, string.Create(CultureInfo.InvariantCulture, $"copy{v}.db"));
                foreach (var suffix in new[] { "", "-wal", "-shm" })
                {
                    File.Delete(copy + suffix);
                }

                File.Copy(file, copy);
                var split = Measure(copy, Variants[v], groups);
                if (round > 0)
                {
                    times[v].Add(split);
                }
            }

            Console.Write('.');
        }

        Console.WriteLine();
        Console.WriteLine("| Variant (µs per member, median) | version INSERT | tip UPSERT | all |");
        Console.WriteLine("|---|---:|---:|---:|");
        for (int v = 0; v < Variants.Length; v++)
        {
            double Median(int part) => times[v].Select(t => t[part]).Order().ElementAt(times[v].Count / 2);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {Variants[v].Name} | {Median(0):0.00} | {Median(1):0.00} | {Median(2):0.00} |"));
        }

        return 0;
    }

    private static double[] Measure(string path, Variant variant, int groups)
    {
        using var connection = BenchHost.OpenRaw(path, SynchronousMode.Normal);
        var db = connection.Handle!;
        Exec(db, variant.ForeignKeys ? "PRAGMA foreign_keys = ON" : "PRAGMA foreign_keys = OFF");

        // Each thing's HEAD and its place in its chain, as ThingStore keeps them in memory.
        var ids = Enumerable.Range(0, GroupSize).Select(i => string.Create(CultureInfo.InvariantCulture, $"s{i}")).ToArray();
        var heads = new long[GroupSize];
        var links = new ChainLinks[GroupSize];
        long noun = 0, sequence = 0;
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT t.noun, t.id, t.version, {ThingStore.LinkColumns} FROM tip AS p JOIN things AS t ON t.version = p.version WHERE p.branch = 1";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var m = Array.IndexOf(ids, reader.GetString(1));
                if (m < 0)
                {
                    continue;
                }

                noun = reader.GetInt64(0);
                heads[m] = reader.GetInt64(2);
                links[m] = ThingStore.ReadLinks(reader, 3);
                sequence = Math.Max(sequence, heads[m]);
            }
        }

        if (heads.Any(h => h == 0))
        {
            throw new InvalidOperationException("The seed file lacks one of the 64 things the probe writes.");
        }

        var utf8State = System.Text.Encoding.UTF8.GetBytes(State);
        var utf8Ids = ids.Select(System.Text.Encoding.UTF8.GetBytes).ToArray();
        using var begin = Prepare(db, "BEGIN IMMEDIATE");
        using var commit = Prepare(db, "COMMIT");
        using var version = Prepare(db, ThingStore.InsertVersionSql);
        using var tip = Prepare(db, ThingStore.MoveTipSql);
        var sums = new long[3];
        for (int g = 0; g < groups; g++)
        {
            Step(db, begin);
            for (int m = 0; m < GroupSize; m++)
            {
                var t0 = Stopwatch.GetTimestamp();
                var now = 1_764_000_000_000 + g;
                var next = links[m].Next(heads[m]);
                raw.sqlite3_bind_null(version, 1);
                raw.sqlite3_bind_int64(version, 2, ObjectSchema.MainBranch);
                raw.sqlite3_bind_int64(version, 3, noun);
                BindText(version, 4, ids[m], utf8Ids[m], variant.Utf8);
                BindText(version, 5, State, utf8State, variant.Utf8);
                raw.sqlite3_bind_int64(version, 6, 0);
                raw.sqlite3_bind_null(version, 7);
                raw.sqlite3_bind_int64(version, 8, heads[m]);
                raw.sqlite3_bind_int64(version, 9, next.Depth);
                BindLink(version, 10, next.Skip16);
                BindLink(version, 11, next.Skip256);
                BindLink(version, 12, next.Skip4096);
                BindLink(version, 13, next.Skip65536);
                BindText(version, 14, "prioritize", null, variant.Utf8);
                raw.sqlite3_bind_null(version, 15);
                BindText(version, 16, """{"by":1}""", null, variant.Utf8);
                raw.sqlite3_bind_null(version, 17);
                raw.sqlite3_bind_int64(version, 18, heads[m]);
                raw.sqlite3_bind_null(version, 19);
                raw.sqlite3_bind_int64(version, 20, now);
                BindText(version, 21, "Startup.prioritized", null, variant.Utf8);
                if (variant.KnownSequence)
                {
                    raw.sqlite3_bind_int64(version, 22, sequence + 1);
                }
                else
                {
                    raw.sqlite3_bind_null(version, 22);
                }

                raw.sqlite3_bind_int64(version, 23, now);
                Step(db, version);
                sequence = raw.sqlite3_last_insert_rowid(db);
                var t1 = Stopwatch.GetTimestamp();
                if (variant.Tip)
                {
                    raw.sqlite3_bind_int64(tip, 1, noun);
                    BindText(tip, 2, ids[m], utf8Ids[m], variant.Utf8);
                    raw.sqlite3_bind_int64(tip, 3, ObjectSchema.MainBranch);
                    raw.sqlite3_bind_int64(tip, 4, sequence);
                    Step(db, tip);
                }

                var t2 = Stopwatch.GetTimestamp();
                heads[m] = sequence;
                links[m] = next;
                sums[0] += t1 - t0;
                sums[1] += t2 - t1;
                sums[2] += t2 - t0;
            }

            Step(db, commit);
        }

        var members = (double)groups * GroupSize;
        return sums.Select(s => s * 1e6 / Stopwatch.Frequency / members).ToArray();
    }

    private static void BindLink(sqlite3_stmt statement, int index, long? value)
    {
        if (value is long link)
        {
            raw.sqlite3_bind_int64(statement, index, link);
        }
        else
        {
            raw.sqlite3_bind_null(statement, index);
        }
    }

    private static void BindText(sqlite3_stmt statement, int index, string value, byte[]? utf8, bool asUtf8)
    {
        if (asUtf8)
        {
            raw.sqlite3_bind_text(statement, index, utf8 ?? System.Text.Encoding.UTF8.GetBytes(value));
        }
        else
        {
            raw.sqlite3_bind_text16(statement, index, value.AsSpan());
        }
    }

    private static sqlite3_stmt Prepare(sqlite3 db, string sql)
    {
        var rc = raw.sqlite3_prepare_v3(db, sql, raw.SQLITE_PREPARE_PERSISTENT, out var statement);
        SqliteException.ThrowExceptionForRC(rc, db);
        return statement;
    }

    private static void Exec(sqlite3 db, string sql)
    {
        var rc = raw.sqlite3_exec(db, sql);
        SqliteException.ThrowExceptionForRC(rc, db);
    }

    private static void Step(sqlite3 db, sqlite3_stmt statement)
    {
        var rc = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (rc != raw.SQLITE_DONE && rc != raw.SQLITE_ROW)
        {
            SqliteException.ThrowExceptionForRC(rc, db);
        }
    }
}
