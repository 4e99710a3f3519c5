using System.Diagnostics;
using System.Globalization;
using Do.Benchmarks.Support;
using Do.Storage;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Do.Benchmarks;

/// <summary>
/// What each statement of a group commit's member costs on the writer, and what each part of the schema adds to it: a
/// sync verb's statements (SAVEPOINT, the action INSERT, the version INSERT and its <c>tip</c> trigger, RELEASE),
/// prepared once and run through SQLite's own API in groups of 64 per transaction under NORMAL, on a copy of a real
/// object file, each timed with a <see cref="Stopwatch"/>. Variants switch one thing off at a time, alternated round by
/// round; the medians are per member. Not BenchmarkDotNet: the point is the split, one thread, no callers.
/// <code>dotnet run -c Release --project benchmarks/Do.Sdk.Benchmarks -- --insert-probe [rounds] [groups per round]</code>
/// </summary>
public static class InsertProbe
{
    private const int GroupSize = 64;
    private const string State = """{"name":"Startup 12","priority":7,"tags":["a","b"]}""";

    private sealed record Variant(string Name, bool ForeignKeys = true, bool Trigger = true, bool NextSequence = true, bool Savepoints = true, bool Utf8 = false, bool Coalesce = false);

    private static readonly Variant[] Variants =
    [
        new("as the runtime runs it"),
        new("foreign keys off", ForeignKeys: false),
        new("tip by its own UPSERT, no trigger", Trigger: false),
        new("action id from memory, no max() subqueries", NextSequence: false),
        new("action id from memory in coalesce(?15, max() subqueries)", Coalesce: true),
        new("no savepoints", Savepoints: false),
        new("strings bound as UTF-8", Utf8: true),
        new("all of the above", ForeignKeys: false, Trigger: false, NextSequence: false, Savepoints: false, Utf8: true),
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
        Console.WriteLine("| Variant (µs per member, median) | savepoint | action | version + tip | release | all |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        for (int v = 0; v < Variants.Length; v++)
        {
            double Median(int part) => times[v].Select(t => t[part]).Order().ElementAt(times[v].Count / 2);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {Variants[v].Name} | {Median(0):0.00} | {Median(1):0.00} | {Median(2):0.00} | {Median(3):0.00} | {Median(4):0.00} |"));
        }

        return 0;
    }

    private static double[] Measure(string path, Variant variant, int groups)
    {
        using var connection = BenchHost.OpenRaw(path, SynchronousMode.Normal);
        var db = connection.Handle!;
        Exec(db, variant.ForeignKeys ? "PRAGMA foreign_keys = ON" : "PRAGMA foreign_keys = OFF");
        if (!variant.Trigger)
        {
            Exec(db, "DROP TRIGGER things_tip");
        }

        long noun, version, sequence;
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT (SELECT noun FROM things LIMIT 1), (SELECT max(version) FROM things), max((SELECT max(id) FROM actions), coalesce((SELECT max(sequence) FROM stored_events), 0))";
            using var reader = command.ExecuteReader();
            reader.Read();
            (noun, version, sequence) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
        }

        var ids = Enumerable.Range(0, GroupSize).Select(i => string.Create(CultureInfo.InvariantCulture, $"s{i}")).ToArray();
        var heads = new long[GroupSize];
        using var begin = Prepare(db, "BEGIN IMMEDIATE");
        using var commit = Prepare(db, "COMMIT");
        using var savepoint = Prepare(db, "SAVEPOINT member");
        using var release = Prepare(db, "RELEASE member");
        using var action = Prepare(db, $"""
            INSERT INTO actions (id, verb, actor, target, noun, branch, input, output, before_version, after_version, durability, status, attempts, created_at, updated_at, completed_at, event, dispatched_at)
            VALUES ({(variant.Coalesce ? "coalesce(?15, " + ObjectDatabase.NextSequence + ")" : variant.NextSequence ? ObjectDatabase.NextSequence : "?1")}, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 'completed', 1, ?12, ?12, ?12, ?13, ?14)
            """);
        using var thing = Prepare(db, "INSERT INTO things (version, branch, noun, id, data, deleted, action, prev, depth, skip16, skip256, skip4096, skip65536) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
        using var tip = Prepare(db, "INSERT INTO tip (noun, id, branch, version) VALUES (?1, ?2, ?3, ?4) ON CONFLICT (noun, id, branch) DO UPDATE SET version = excluded.version WHERE excluded.version > tip.version");
        var sums = new long[5];
        var utf8State = System.Text.Encoding.UTF8.GetBytes(State);
        var utf8Ids = ids.Select(System.Text.Encoding.UTF8.GetBytes).ToArray();
        for (int g = 0; g < groups; g++)
        {
            Step(db, begin);
            for (int m = 0; m < GroupSize; m++)
            {
                var t0 = Stopwatch.GetTimestamp();
                if (variant.Savepoints && m > 0)
                {
                    Step(db, savepoint);
                }

                var t1 = Stopwatch.GetTimestamp();
                var now = 1_764_000_000_000 + g;
                sequence++;
                if (variant.Coalesce)
                {
                    raw.sqlite3_bind_null(action, 1);
                    raw.sqlite3_bind_int64(action, 15, sequence);
                }
                else if (variant.NextSequence)
                {
                    raw.sqlite3_bind_null(action, 1);
                }
                else
                {
                    raw.sqlite3_bind_int64(action, 1, sequence);
                }

                BindText(action, 2, "prioritize", null, variant.Utf8);
                raw.sqlite3_bind_null(action, 3);
                BindText(action, 4, ids[m], utf8Ids[m], variant.Utf8);
                raw.sqlite3_bind_int64(action, 5, noun);
                raw.sqlite3_bind_int64(action, 6, 1);
                BindText(action, 7, """{"by":1}""", null, variant.Utf8);
                raw.sqlite3_bind_null(action, 8);
                raw.sqlite3_bind_int64(action, 9, heads[m]);
                raw.sqlite3_bind_int64(action, 10, version + 1);
                BindText(action, 11, "do", null, variant.Utf8);
                raw.sqlite3_bind_int64(action, 12, now);
                BindText(action, 13, "Startup.prioritized", null, variant.Utf8);
                raw.sqlite3_bind_int64(action, 14, now);
                Step(db, action);
                var actionId = raw.sqlite3_last_insert_rowid(db);
                var t2 = Stopwatch.GetTimestamp();
                raw.sqlite3_bind_null(thing, 1);
                raw.sqlite3_bind_int64(thing, 2, 1);
                raw.sqlite3_bind_int64(thing, 3, noun);
                BindText(thing, 4, ids[m], utf8Ids[m], variant.Utf8);
                BindText(thing, 5, State, utf8State, variant.Utf8);
                raw.sqlite3_bind_int64(thing, 6, 0);
                raw.sqlite3_bind_int64(thing, 7, actionId);
                raw.sqlite3_bind_int64(thing, 8, heads[m]);
                raw.sqlite3_bind_int64(thing, 9, g);
                raw.sqlite3_bind_null(thing, 10);
                raw.sqlite3_bind_null(thing, 11);
                raw.sqlite3_bind_null(thing, 12);
                raw.sqlite3_bind_null(thing, 13);
                Step(db, thing);
                version = raw.sqlite3_last_insert_rowid(db);
                heads[m] = version;
                if (!variant.Trigger)
                {
                    raw.sqlite3_bind_int64(tip, 1, noun);
                    BindText(tip, 2, ids[m], utf8Ids[m], variant.Utf8);
                    raw.sqlite3_bind_int64(tip, 3, 1);
                    raw.sqlite3_bind_int64(tip, 4, version);
                    Step(db, tip);
                }

                var t3 = Stopwatch.GetTimestamp();
                if (variant.Savepoints && m > 0)
                {
                    Step(db, release);
                }

                var t4 = Stopwatch.GetTimestamp();
                sums[0] += t1 - t0;
                sums[1] += t2 - t1;
                sums[2] += t3 - t2;
                sums[3] += t4 - t3;
                sums[4] += t4 - t0;
            }

            Step(db, commit);
        }

        var members = (double)groups * GroupSize;
        return sums.Select(s => s * 1e6 / Stopwatch.Frequency / members).ToArray();
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
