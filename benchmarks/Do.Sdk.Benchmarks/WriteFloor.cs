using System.Globalization;
using Do.Benchmarks.Support;
using Do.Storage;
using Microsoft.Data.Sqlite;

namespace Do.Benchmarks;

/// <summary>
/// The floor under a sync verb: the SQL a verb runs (its action and version INSERTs between BEGIN IMMEDIATE and COMMIT;
/// the action carries the event), prepared once and run directly on a copy of a real object file, next to raw 1 row/tx and the verb itself.
/// What the verb costs above this floor is the runtime's; what the floor costs above raw is the schema's.
/// <code>dotnet run -c Release --project benchmarks/Do.Sdk.Benchmarks -- --write-floor [rounds] [writes] [raw|floor|stored|verb]</code>
/// </summary>
public static class WriteFloor
{
    private const string State = """{"name":"Startup 0","priority":1,"tags":[]}""";

    public static async Task<int> Run(int rounds, int ops, string? only = null)
    {
        using var folder = new TempFolder("write-floor");
        string file;
        await using (var seed = await BenchHost.StartAsync(Path.Combine(folder.Path, "seed"), SynchronousMode.Normal))
        {
            await seed.Object<Business>(BenchHost.Ns).Collection<Startup>().Create("s0", new Startup { Name = "Startup 0" });
        }

        file = Directory.EnumerateFiles(Path.Combine(folder.Path, "seed"), "*.db", SearchOption.AllDirectories).Single(f => f.Contains("objects", StringComparison.Ordinal));
        using var floor = new Floor(BenchHost.OpenRaw(file, SynchronousMode.Normal));
        await using var host = await BenchHost.StartAsync(Path.Combine(folder.Path, "host"), SynchronousMode.Normal);
        var studio = host.Object<Business>(BenchHost.Ns);
        await studio.Collection<Startup>().Create("s0", new Startup { Name = "Startup 0" });
        var startup = studio.Ref<Startup>("s0");
        using var raw = RawRowWriter.Create(Path.Combine(folder.Path, "raw.db"), SynchronousMode.Normal);

        var phases = new (string Name, Func<Task> Run)[]
        {
            ("raw 1 row/tx NORMAL", () => { raw.Insert(ops); return Task.CompletedTask; }),
            ("verb SQL floor NORMAL (2 INSERTs/tx, event derived)", () => { floor.Write(ops); return Task.CompletedTask; }),
            ("  same with a stored event row, as before schema 12 (3 INSERTs/tx)", () => { floor.Write(ops, storedEvent: true); return Task.CompletedTask; }),
            ("sync verb 1 caller NORMAL", () => Bounded.Loop(ops, _ => startup.Invoke(Startup.PrioritizeVerb, """{"by":1}""", BenchVerbs.Prioritize1))),
        };
        if (only is not null)
        {
            // One phase alone, e.g. under perf: raw, floor or verb.
            phases = [phases[only switch { "raw" => 0, "floor" => 1, "stored" => 2, "verb" => 3, _ => throw new ArgumentException($"Unknown phase \"{only}\"; expected raw, floor, stored or verb.", nameof(only)) }]];
        }

        var wall = phases.Select(_ => new List<double>()).ToArray();
        var cpu = phases.Select(_ => new List<double>()).ToArray();
        var bytes = phases.Select(_ => new List<double>()).ToArray();
        for (int round = 0; round < rounds; round++)
        {
            for (int p = 0; p < phases.Length; p++)
            {
                var cost = await PhaseCost.Measure(phases[p].Run, ops);
                if (round == 0)
                {
                    continue; // warm-up: JIT tiering, first pages, the pool's threads
                }

                wall[p].Add(cost.WallMicros);
                cpu[p].Add(cost.CpuMicros);
                bytes[p].Add(cost.Bytes);
            }
        }

        Console.WriteLine("| Phase | wall µs/write (median) | CPU µs/write (median) | bytes/write |");
        Console.WriteLine("|---|---:|---:|---:|");
        for (int p = 0; p < phases.Length; p++)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {phases[p].Name} | {Median(wall[p]):0.0} | {Median(cpu[p]):0.0} | {Median(bytes[p]):0} |"));
        }

        return 0;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[sorted.Length / 2];
    }

    /// <summary>The statements of a sync verb, with the runtime's SQL and its parameters' shapes.</summary>
    private sealed class Floor : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly SqliteCommand _begin;
        private readonly SqliteCommand _action;
        private readonly SqliteCommand _version;
        private readonly SqliteCommand _event;
        private readonly SqliteCommand _commit;
        private long _before;

        public Floor(SqliteConnection connection)
        {
            _connection = connection;
            _begin = BenchHost.Prepare(connection, "BEGIN IMMEDIATE");
            _action = BenchHost.Prepare(connection, $"""
                INSERT INTO actions (id, verb, actor, target, noun, branch, input, output, before_version, after_version, durability, status, attempts, created_at, updated_at, completed_at, event, dispatched_at)
                VALUES ({ObjectDatabase.NextSequenceNamed}, $verb, $actor, $target, $noun, $branch, $input, $output, $before, $after, $durability, 'completed', 1, $now, $now, $now, $event, $now)
                """, "$noun", "$branch", "$before", "$after", "$now");
            _action.Parameters.Add(new SqliteParameter("$floor", DBNull.Value));
            _action.Parameters.Add(new SqliteParameter("$event", "Startup.prioritized"));
            _action.Parameters.Add(new SqliteParameter("$verb", "prioritize"));
            _action.Parameters.Add(new SqliteParameter("$actor", "system"));
            _action.Parameters.Add(new SqliteParameter("$target", "s0"));
            _action.Parameters.Add(new SqliteParameter("$input", """{"by":1}"""));
            _action.Parameters.Add(new SqliteParameter("$output", DBNull.Value));
            _action.Parameters.Add(new SqliteParameter("$durability", "do"));
            _version = BenchHost.Prepare(connection, "INSERT INTO things (branch, noun, id, data, deleted, action) VALUES ($branch, $noun, $id, $data, $deleted, $action)", "$branch", "$noun", "$deleted", "$action");
            _version.Parameters.Add(new SqliteParameter("$id", "s0"));
            _version.Parameters.Add(new SqliteParameter("$data", State));
            _event = BenchHost.Prepare(connection, $"""
                INSERT INTO stored_events (sequence, type, source, noun, thing, version, action, data, created_at, dispatched_at)
                VALUES ({ObjectDatabase.NextSequenceNamed}, $type, $source, $noun, $thing, $version, $action, $data, $now, $dispatched)
                """, "$noun", "$version", "$action", "$now");
            _event.Parameters.Add(new SqliteParameter("$type", "Startup.prioritized"));
            _event.Parameters.Add(new SqliteParameter("$source", BenchHost.Ns + "/s0"));
            _event.Parameters.Add(new SqliteParameter("$thing", "s0"));
            _event.Parameters.Add(new SqliteParameter("$data", DBNull.Value));
            _event.Parameters.Add(new SqliteParameter("$dispatched", 1L));
            _event.Parameters.Add(new SqliteParameter("$floor", DBNull.Value));
            _commit = BenchHost.Prepare(connection, "COMMIT");
            using var noun = connection.CreateCommand();
            noun.CommandText = "SELECT noun, version FROM things ORDER BY version DESC LIMIT 1";
            using var reader = noun.ExecuteReader();
            reader.Read();
            _action.Parameters["$noun"].Value = _version.Parameters["$noun"].Value = _event.Parameters["$noun"].Value = reader.GetInt64(0);
            _before = reader.GetInt64(1);
        }

        public void Write(int count, bool storedEvent = false)
        {
            for (int i = 0; i < count; i++)
            {
                var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                _begin.ExecuteNonQuery();
                _action.Parameters["$branch"].Value = 1L;
                _action.Parameters["$before"].Value = _before;
                _action.Parameters["$now"].Value = now;
                _action.Parameters["$after"].Value = _before + 1;
                _action.ExecuteNonQuery();
                var actionId = SQLitePCL.raw.sqlite3_last_insert_rowid(_connection.Handle);

                _version.Parameters["$branch"].Value = 1L;
                _version.Parameters["$deleted"].Value = 0L;
                _version.Parameters["$action"].Value = actionId;
                _version.ExecuteNonQuery();
                _before = SQLitePCL.raw.sqlite3_last_insert_rowid(_connection.Handle);
                if (storedEvent)
                {
                    _event.Parameters["$version"].Value = _before;
                    _event.Parameters["$action"].Value = actionId;
                    _event.Parameters["$now"].Value = now;
                    _event.ExecuteNonQuery();
                }

                _commit.ExecuteNonQuery();
            }
        }

        public void Dispose() => _connection.Dispose();
    }
}
