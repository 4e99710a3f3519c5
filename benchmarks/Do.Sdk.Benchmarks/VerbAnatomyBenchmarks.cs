using BenchmarkDotNet.Attributes;
using Do.Benchmarks.Support;
using Do.Storage;
using Microsoft.Data.Sqlite;

namespace Do.Benchmarks;

/// <summary>
/// Where a synchronous verb's time goes (synchronous=NORMAL, 1 caller), peeled layer by layer: raw 1 row/tx; the
/// verb's own SQL replayed raw on a Do schema (HEAD read, BEGIN IMMEDIATE, HEAD read, version + action + event
/// inserts, COMMIT), with and without foreign keys; the storage layer alone (<c>ThingStore.Update</c> in its
/// transaction, no host); and the full verb through the host. Diagnostic, not a target: not in quick mode's table.
/// </summary>
[BenchmarkCategory("Anatomy")]
public class VerbAnatomyBenchmarks
{
    public const int Ops = 512;
    private const string Payload = """{"name":"Acme","priority":1,"tags":[]}""";

    private TempFolder _folder = null!;
    private DoHost _host = null!;
    private ThingRef<Startup> _startup = null!;
    private ObjectDatabase _store = null!;
    private Replica _withKeys = null!;
    private Replica _withoutKeys = null!;
    private Replica _raw = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _folder = new TempFolder("anatomy");
        _host = await BenchHost.StartAsync(Path.Combine(_folder.Path, "data"));
        var studio = _host.Object<Business>(BenchHost.Ns);
        await studio.Collection<Startup>().Create("acme", new Startup { Name = "Acme" });
        _startup = studio.Ref<Startup>("acme");

        _store = ObjectDatabase.Open(Path.Combine(_folder.Path, "store.db"), ObjectNamespace.Parse("https://store.bench.example"));
        _store.Things.Create("Startup", "acme", Payload);
        _withKeys = Replica.Create(Path.Combine(_folder.Path, "keys.db"), foreignKeys: true);
        _withoutKeys = Replica.Create(Path.Combine(_folder.Path, "nokeys.db"), foreignKeys: false);
        _raw = Replica.CreatePlain(Path.Combine(_folder.Path, "raw.db"));
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _host.DisposeAsync();
        _store.Dispose();
        _withKeys.Dispose();
        _withoutKeys.Dispose();
        _raw.Dispose();
        _folder.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Ops)]
    public void Raw_OneRowPerTransaction() => Repeat(_raw.InsertOne);

    [Benchmark(OperationsPerInvoke = Ops)]
    public void Raw_VerbSql() => Repeat(_withKeys.Verb);

    [Benchmark(OperationsPerInvoke = Ops)]
    public void Raw_VerbSql_NoForeignKeys() => Repeat(_withoutKeys.Verb);

    [Benchmark(OperationsPerInvoke = Ops)]
    public void Store_Update() => Repeat(() => _store.Things.Update("Startup", "acme", Payload));

    [Benchmark(OperationsPerInvoke = Ops)]
    public Task Host_SyncVerb() => Bounded.Loop(Ops, _ => _startup.Invoke(Startup.PrioritizeVerb, """{"by":1}""", BenchVerbs.Prioritize1));

    private static void Repeat(Action action)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        for (int i = 0; i < Ops; i++)
        {
            action();
            Bounded.Check(started, i, Ops);
        }
    }

    /// <summary>The statements a sync verb runs, prepared once, on a file with the Do schema.</summary>
    private sealed class Replica : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly SqliteCommand _begin;
        private readonly SqliteCommand _commit;
        private readonly SqliteCommand? _head;
        private readonly SqliteCommand? _thing;
        private readonly SqliteCommand? _action;
        private readonly SqliteCommand? _event;
        private readonly SqliteCommand? _one;

        private Replica(SqliteConnection connection, bool plain)
        {
            _connection = connection;
            _begin = BenchHost.Prepare(connection, "BEGIN IMMEDIATE");
            _commit = BenchHost.Prepare(connection, "COMMIT");
            if (plain)
            {
                _one = BenchHost.Prepare(connection, "INSERT INTO t (data) VALUES ($data)");
                _one.Parameters.Add(new SqliteParameter("$data", Payload));
                return;
            }

            _head = BenchHost.Prepare(connection, "SELECT t.version, t.data, t.deleted FROM tip AS p JOIN things AS t ON t.version = p.version WHERE p.noun = 1 AND p.id = 'acme' AND p.branch = 1");
            _thing = BenchHost.Prepare(connection, "INSERT INTO things (branch, noun, id, data, deleted) VALUES (1, 1, 'acme', $data, 0) RETURNING version");
            _thing.Parameters.Add(new SqliteParameter("$data", Payload));
            _action = BenchHost.Prepare(connection, """
                INSERT INTO actions (verb, actor, target, noun, branch, input, before_version, after_version, durability, status, attempts, created_at, updated_at, completed_at)
                VALUES ('Prioritize', NULL, 'acme', 1, 1, '{"by":1}', $before, $after, 'do', 'completed', 1, 0, 0, 0) RETURNING id
                """, "$before", "$after");
            _event = BenchHost.Prepare(connection, """
                INSERT INTO stored_events (type, source, noun, thing, version, action, data, created_at, dispatched_at)
                VALUES ('Startup.prioritized', 'https://replica.bench.example/acme', 1, 'acme', $version, $action, $data, 0, 0) RETURNING sequence
                """, "$version", "$action");
            _event.Parameters.Add(new SqliteParameter("$data", Payload));
        }

        public static Replica Create(string path, bool foreignKeys)
        {
            var ns = ObjectNamespace.Parse("https://replica.bench.example");
            using (var db = ObjectDatabase.Open(path, ns))
            {
                db.Things.Create("Startup", "acme", Payload);
            }

            var connection = BenchHost.OpenRaw(path, SynchronousMode.Normal);
            using var keys = connection.CreateCommand();
            keys.CommandText = $"PRAGMA foreign_keys = {(foreignKeys ? "ON" : "OFF")}";
            keys.ExecuteNonQuery();
            return new Replica(connection, plain: false);
        }

        public static Replica CreatePlain(string path)
        {
            var connection = BenchHost.OpenRaw(path, SynchronousMode.Normal);
            using var create = connection.CreateCommand();
            create.CommandText = "CREATE TABLE t (id INTEGER PRIMARY KEY, data TEXT NOT NULL)";
            create.ExecuteNonQuery();
            return new Replica(connection, plain: true);
        }

        public void InsertOne()
        {
            _begin.ExecuteNonQuery();
            _one!.ExecuteNonQuery();
            _commit.ExecuteNonQuery();
        }

        public void Verb()
        {
            long before = ReadHead();
            _begin.ExecuteNonQuery();
            _ = ReadHead();
            var version = (long)_thing!.ExecuteScalar()!;
            _action!.Parameters[0].Value = before;
            _action.Parameters[1].Value = version;
            var action = (long)_action.ExecuteScalar()!;
            _event!.Parameters[0].Value = version;
            _event.Parameters[1].Value = action;
            _ = _event.ExecuteScalar();
            _commit.ExecuteNonQuery();
        }

        public void Dispose()
        {
            foreach (var command in new[] { _begin, _commit, _head, _thing, _action, _event, _one })
            {
                command?.Dispose();
            }

            _connection.Dispose();
        }

        private long ReadHead()
        {
            using var reader = _head!.ExecuteReader();
            reader.Read();
            _ = reader.GetString(1);
            return reader.GetInt64(0);
        }
    }
}
