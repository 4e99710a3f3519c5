using Microsoft.Data.Sqlite;
using Orleans;

namespace Do.Orleans.Benchmarks;

/// <summary>The baseline: a plain grain with its own SQLite file (WAL, synchronous NORMAL, as the object runtime opens its files).</summary>
[Alias("Do.Orleans.Benchmarks.ISqliteWriteGrain")]
public interface ISqliteWriteGrain : IGrainWithStringKey
{
    /// <summary>Reads the counter, writes its next version, an action row and an event row in one transaction, as a verb commits.</summary>
    [Alias("Increment")]
    Task<int> Increment(int by);
}

public sealed class SqliteWriteGrain : Grain, ISqliteWriteGrain, IDisposable
{
    private SqliteConnection? _connection;
    private SqliteCommand _read = null!;
    private SqliteCommand _version = null!;
    private SqliteCommand _action = null!;
    private SqliteCommand _event = null!;

    public static string Folder { get; set; } = Path.GetTempPath();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var file = Path.Combine(Folder, "grain-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(this.GetPrimaryKeyString())))[..16] + ".db");
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false, Mode = SqliteOpenMode.ReadWriteCreate }.ToString());
        _connection.Open();
        using (var setup = _connection.CreateCommand())
        {
            setup.CommandText = """
                PRAGMA journal_mode = WAL;
                PRAGMA synchronous = NORMAL;
                CREATE TABLE IF NOT EXISTS versions (rowid INTEGER PRIMARY KEY, id TEXT NOT NULL, data TEXT NOT NULL);
                CREATE INDEX IF NOT EXISTS versions_id ON versions (id, rowid);
                CREATE TABLE IF NOT EXISTS actions (id INTEGER PRIMARY KEY, verb TEXT NOT NULL, input TEXT, after INTEGER, at INTEGER NOT NULL);
                CREATE TABLE IF NOT EXISTS events (seq INTEGER PRIMARY KEY, type TEXT NOT NULL, data TEXT, at INTEGER NOT NULL);
                """;
            setup.ExecuteNonQuery();
        }

        _read = Prepare("SELECT data FROM versions WHERE id = 't' ORDER BY rowid DESC LIMIT 1");
        _version = Prepare("INSERT INTO versions (id, data) VALUES ('t', $data)", "$data");
        _action = Prepare("INSERT INTO actions (verb, input, after, at) VALUES ('Increment', $input, last_insert_rowid(), $at)", "$input", "$at");
        _event = Prepare("INSERT INTO events (type, data, at) VALUES ('Tally.incremented', $data, $at)", "$data", "$at");
        return Task.CompletedTask;
    }

    public Task<int> Increment(int by)
    {
        using var tx = _connection!.BeginTransaction();
        _read.Transaction = _version.Transaction = _action.Transaction = _event.Transaction = tx;
        var current = _read.ExecuteScalar() is string json ? int.Parse(json.AsSpan(9, json.Length - 10), System.Globalization.CultureInfo.InvariantCulture) : 0;
        var next = current + by;
        var data = $$"""{"Value":{{next}}}""";
        var at = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        _version.Parameters[0].Value = data;
        _version.ExecuteNonQuery();
        _action.Parameters[0].Value = $$"""{"by":{{by}}}""";
        _action.Parameters[1].Value = at;
        _action.ExecuteNonQuery();
        _event.Parameters[0].Value = data;
        _event.Parameters[1].Value = at;
        _event.ExecuteNonQuery();
        tx.Commit();
        return Task.FromResult(next);
    }

    public void Dispose() => _connection?.Dispose();

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = _connection!.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter(name, null));
        }

        command.Prepare();
        return command;
    }
}
