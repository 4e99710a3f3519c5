using System.Globalization;
using Do.Benchmarks.Support;
using Do.Storage;
using Microsoft.Data.Sqlite;

namespace Do.Benchmarks;

/// <summary>
/// The floor under a sync verb: the SQL a verb runs (its version INSERT, which carries the action and the event, and the
/// tip's upsert, between BEGIN IMMEDIATE and COMMIT), prepared once and run directly on a real object file, next to raw
/// 1 row/tx and the verb itself.
/// What the verb costs above this floor is the runtime's; what the floor costs above raw is the schema's.
/// <code>dotnet run -c Release --project benchmarks/Do.Sdk.Benchmarks -- --write-floor [rounds] [writes] [raw|floor|verb]</code>
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
            ("verb SQL floor NORMAL (version row with its action and event, tip upsert)", () => { floor.Write(ops); return Task.CompletedTask; }),
            ("sync verb 1 caller NORMAL", () => Bounded.Loop(ops, _ => startup.Invoke(Startup.PrioritizeVerb, """{"by":1}""", BenchVerbs.Prioritize1))),
        };
        if (only is not null)
        {
            // One phase alone, e.g. under perf: raw, floor or verb.
            phases = [phases[only switch { "raw" => 0, "floor" => 1, "verb" => 2, _ => throw new ArgumentException($"Unknown phase \"{only}\"; expected raw, floor or verb.", nameof(only)) }]];
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

    /// <summary>
    /// The statements of a sync verb (schema 16: the version row carries its action and derived event, then the thing's
    /// tip moves), with the runtime's own SQL text (<see cref="ThingStore.InsertVersionSql"/>, <see cref="ThingStore.MoveTipSql"/>)
    /// bound the way <c>ThingStore.Append</c> binds it, between BEGIN IMMEDIATE and COMMIT.
    /// </summary>
    private sealed class Floor : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly SqliteCommand _begin;
        private readonly RawStatement _version;
        private readonly RawStatement _tip;
        private readonly SqliteCommand _commit;
        private readonly long _noun;
        private long _before;
        private ChainLinks _links;

        public Floor(SqliteConnection connection)
        {
            _connection = connection;
            _begin = BenchHost.Prepare(connection, "BEGIN IMMEDIATE");
            _commit = BenchHost.Prepare(connection, "COMMIT");
            using (var last = connection.CreateCommand())
            {
                last.CommandText = $"SELECT t.noun, t.version, {ThingStore.LinkColumns} FROM things AS t ORDER BY t.version DESC LIMIT 1";
                using var reader = last.ExecuteReader();
                if (!reader.Read())
                {
                    throw new InvalidOperationException("The seed file holds no version to write after.");
                }

                _noun = reader.GetInt64(0);
                _before = reader.GetInt64(1);
                _links = ThingStore.ReadLinks(reader, 2);
            }

            _version = new RawStatement(connection, ThingStore.InsertVersionSql);
            _tip = new RawStatement(connection, ThingStore.MoveTipSql);
        }

        public void Write(int count)
        {
            for (int i = 0; i < count; i++)
            {
                var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                var links = _links.Next(_before);
                _begin.ExecuteNonQuery();
                _version.BindNull(1).Bind(2, ObjectSchema.MainBranch).Bind(3, _noun).Bind(4, "s0").Bind(5, State).Bind(6, 0L).BindNull(7)
                    .Bind(8, _before).Bind(9, links.Depth).Bind(10, links.Skip16).Bind(11, links.Skip256).Bind(12, links.Skip4096).Bind(13, links.Skip65536)
                    .Bind(14, "prioritize").BindNull(15).Bind(16, """{"by":1}""").BindNull(17).Bind(18, _before).BindNull(19).Bind(20, now)
                    .Bind(21, "Startup.prioritized").Bind(22, _before + 1).Bind(23, now)
                    .Execute();
                _tip.Bind(1, _noun).Bind(2, "s0").Bind(3, ObjectSchema.MainBranch).Bind(4, _before + 1).Execute();
                _commit.ExecuteNonQuery();
                _before++;
                _links = links;
            }
        }

        public void Dispose()
        {
            _version.Dispose();
            _tip.Dispose();
            _connection.Dispose();
        }
    }
}
