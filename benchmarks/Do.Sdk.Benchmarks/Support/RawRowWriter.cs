using Microsoft.Data.Sqlite;

namespace Do.Benchmarks.Support;

/// <summary>The baseline of <see cref="DurableWriteBenchmarks"/> for the Stopwatch probes: prepared BEGIN IMMEDIATE / INSERT / COMMIT of one row.</summary>
public sealed class RawRowWriter : IDisposable
{
    private const string Payload = """{"name":"Acme","priority":1,"tags":[]}""";

    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _begin;
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _commit;

    private RawRowWriter(SqliteConnection connection)
    {
        _connection = connection;
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE t (id INTEGER PRIMARY KEY, data TEXT NOT NULL)";
            create.ExecuteNonQuery();
        }

        _begin = BenchHost.Prepare(connection, "BEGIN IMMEDIATE");
        _insert = BenchHost.Prepare(connection, "INSERT INTO t (data) VALUES ($data)");
        _insert.Parameters.Add(new SqliteParameter("$data", Payload));
        _commit = BenchHost.Prepare(connection, "COMMIT");
    }

    public static RawRowWriter Create(string path, SynchronousMode synchronous) => new(BenchHost.OpenRaw(path, synchronous));

    public void Insert(int count)
    {
        for (int i = 0; i < count; i++)
        {
            _begin.ExecuteNonQuery();
            _insert.ExecuteNonQuery();
            _commit.ExecuteNonQuery();
        }
    }

    public void Dispose()
    {
        _begin.Dispose();
        _insert.Dispose();
        _commit.Dispose();
        _connection.Dispose();
    }
}
