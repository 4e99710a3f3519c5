using Dapper;
using Microsoft.Data.Sqlite;

namespace Do.Hosting;

/// <summary>
/// The host's own database (<c>catalog.db</c>): every object it has created, with class, file, colo, next alarm and
/// whether it holds pending actions. Thread-safe; activations of different objects use it concurrently.
/// </summary>
internal sealed class Catalog : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Lock _lock = new();

    public Catalog(string path, SynchronousMode synchronous)
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, Mode = SqliteOpenMode.ReadWriteCreate }.ToString());
        _connection.Open();
        _connection.Execute($"""
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = {(int)synchronous};
            PRAGMA busy_timeout = 5000;
            CREATE TABLE IF NOT EXISTS objects (
                ns            TEXT PRIMARY KEY,
                class         TEXT NOT NULL,
                file          TEXT NOT NULL UNIQUE,
                colo          TEXT,
                created_at    INTEGER NOT NULL,
                next_alarm_at INTEGER,
                has_pending   INTEGER NOT NULL DEFAULT 0
            ) WITHOUT ROWID;
            CREATE INDEX IF NOT EXISTS objects_alarm ON objects (next_alarm_at) WHERE next_alarm_at IS NOT NULL;
            CREATE INDEX IF NOT EXISTS objects_pending ON objects (ns) WHERE has_pending = 1;
            """);
    }

    public CatalogEntry? Find(ObjectNamespace ns)
    {
        lock (_lock)
        {
            return Map(_connection.QueryFirstOrDefault<Row>("SELECT ns, class, file, created_at, colo FROM objects WHERE ns = @ns", new { ns = ns.Value }));
        }
    }

    public void Add(CatalogEntry entry)
    {
        lock (_lock)
        {
            _connection.Execute(
                "INSERT INTO objects (ns, class, file, created_at) VALUES (@ns, @cls, @file, @at)",
                new { ns = entry.Namespace, cls = entry.Class, file = entry.File, at = entry.CreatedAt.ToUnixTimeMilliseconds() });
        }
    }

    /// <summary>Points the catalog at the object's file in another colo: the commit point of a move.</summary>
    public void SetColo(ObjectNamespace ns, string? colo)
    {
        lock (_lock)
        {
            _connection.Execute("UPDATE objects SET colo = @colo WHERE ns = @ns", new { ns = ns.Value, colo });
        }
    }

    public void SetPending(ObjectNamespace ns, bool pending)
    {
        lock (_lock)
        {
            _connection.Execute("UPDATE objects SET has_pending = @pending WHERE ns = @ns", new { ns = ns.Value, pending = pending ? 1 : 0 });
        }
    }

    public void SetAlarm(ObjectNamespace ns, DateTimeOffset? at)
    {
        lock (_lock)
        {
            _connection.Execute("UPDATE objects SET next_alarm_at = @at WHERE ns = @ns", new { ns = ns.Value, at = at?.ToUnixTimeMilliseconds() });
        }
    }

    /// <summary>Objects that may hold open actions or undispatched events (they were active when the process stopped).</summary>
    public IReadOnlyList<string> Pending()
    {
        lock (_lock)
        {
            return _connection.Query<string>("SELECT ns FROM objects WHERE has_pending = 1 ORDER BY ns").ToList();
        }
    }

    /// <summary>Objects with a schedule due at or before <paramref name="now"/>.</summary>
    public IReadOnlyList<string> Due(DateTimeOffset now)
    {
        lock (_lock)
        {
            return _connection.Query<string>("SELECT ns FROM objects WHERE next_alarm_at <= @now ORDER BY next_alarm_at", new { now = now.ToUnixTimeMilliseconds() }).ToList();
        }
    }

    /// <summary>The earliest schedule alarm after <paramref name="now"/> of any object, or null when none is set.</summary>
    public DateTimeOffset? NextAlarmAfter(DateTimeOffset now)
    {
        lock (_lock)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT MIN(next_alarm_at) FROM objects WHERE next_alarm_at > $now";
            command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
            return command.ExecuteScalar() is long at ? DateTimeOffset.FromUnixTimeMilliseconds(at) : null;
        }
    }

    public IReadOnlyList<CatalogEntry> List()
    {
        lock (_lock)
        {
            return _connection.Query<Row>("SELECT ns, class, file, created_at, colo FROM objects ORDER BY ns").Select(r => Map(r)!).ToList();
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _connection.Dispose();
        }
    }

    private static CatalogEntry? Map(Row? row)
        => row is null ? null : new CatalogEntry(row.ns, row.@class, row.file, DateTimeOffset.FromUnixTimeMilliseconds(row.created_at), row.colo);

#pragma warning disable IDE1006 // Dapper maps columns by name.
    internal sealed class Row
    {
        public string ns { get; set; } = "";
        public string @class { get; set; } = "";
        public string file { get; set; } = "";
        public long created_at { get; set; }
        public string? colo { get; set; }
    }
#pragma warning restore IDE1006
}
