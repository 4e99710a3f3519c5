using System.Globalization;
using Do.Storage;
using Microsoft.Data.Sqlite;

namespace Do.Hosting;

/// <summary>
/// The host's own database (<c>catalog.db</c>): every object it has created, with class, file, colo, next alarm and
/// whether it holds pending actions. Thread-safe; activations of different objects use it concurrently.
/// </summary>
internal sealed class Catalog : IDisposable
{
    private const string SelectEntry = "SELECT ns, class, file, created_at, colo FROM objects";
    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public Catalog(string path, SynchronousMode synchronous)
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, Mode = SqliteOpenMode.ReadWriteCreate }.ToString());
        _connection.Open();
        using var setup = _connection.CreateCommand();
        setup.CommandText = string.Create(CultureInfo.InvariantCulture, $"""
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
        setup.ExecuteNonQuery();
    }

    public CatalogEntry? Find(ObjectNamespace ns)
    {
        lock (_lock)
        {
            return ReadEntries(Command(SelectEntry + " WHERE ns = $ns").Bind("$ns", ns.Value)) is [var entry, ..] ? entry : null;
        }
    }

    public void Add(CatalogEntry entry)
    {
        lock (_lock)
        {
            Command("INSERT INTO objects (ns, class, file, created_at) VALUES ($ns, $class, $file, $at)")
                .Bind("$ns", entry.Namespace).Bind("$class", entry.Class).Bind("$file", entry.File).Bind("$at", entry.CreatedAt.ToUnixTimeMilliseconds())
                .ExecuteNonQuery();
        }
    }

    /// <summary>Points the catalog at the object's file in another colo: the commit point of a move.</summary>
    public void SetColo(ObjectNamespace ns, string? colo)
    {
        lock (_lock)
        {
            Command("UPDATE objects SET colo = $colo WHERE ns = $ns").Bind("$ns", ns.Value).Bind("$colo", colo).ExecuteNonQuery();
        }
    }

    /// <summary>Forgets an object (its file has gone to another host's disk): the commit point of a hand-over.</summary>
    public void Remove(ObjectNamespace ns)
    {
        lock (_lock)
        {
            Command("DELETE FROM objects WHERE ns = $ns").Bind("$ns", ns.Value).ExecuteNonQuery();
        }
    }

    public void SetPending(ObjectNamespace ns, bool pending)
    {
        lock (_lock)
        {
            Command("UPDATE objects SET has_pending = $pending WHERE ns = $ns").Bind("$ns", ns.Value).Bind("$pending", pending ? 1 : 0).ExecuteNonQuery();
        }
    }

    /// <summary>
    /// Sets an object's next alarm. Every activation sets it, and usually to what it already was: the condition then
    /// leaves the row, its index and the catalog's log untouched instead of rewriting them.
    /// </summary>
    public void SetAlarm(ObjectNamespace ns, DateTimeOffset? at)
    {
        lock (_lock)
        {
            Command("UPDATE objects SET next_alarm_at = $at WHERE ns = $ns AND next_alarm_at IS NOT $at").Bind("$ns", ns.Value).Bind("$at", at?.ToUnixTimeMilliseconds()).ExecuteNonQuery();
        }
    }

    /// <summary>Objects that may hold open actions or undispatched events (they were active when the process stopped).</summary>
    public IReadOnlyList<string> Pending()
    {
        lock (_lock)
        {
            return ReadNamespaces(Command("SELECT ns FROM objects WHERE has_pending = 1 ORDER BY ns"));
        }
    }

    /// <summary>Objects with a schedule due at or before <paramref name="now"/>.</summary>
    public IReadOnlyList<string> Due(DateTimeOffset now)
    {
        lock (_lock)
        {
            return ReadNamespaces(Command("SELECT ns FROM objects WHERE next_alarm_at <= $now ORDER BY next_alarm_at").Bind("$now", now.ToUnixTimeMilliseconds()));
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
            return ReadEntries(Command(SelectEntry + " ORDER BY ns"));
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var command in _commands.Values)
            {
                command.Dispose();
            }

            _commands.Clear();
            _connection.Dispose();
        }
    }

    /// <summary>A prepared command kept for the catalog's lifetime; SQLite re-prepares a new command object every time.</summary>
    private SqliteCommand Command(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = _connection.CreateCommand();
            command.CommandText = sql;
            _commands.Add(sql, command);
        }

        return command;
    }

    private static List<CatalogEntry> ReadEntries(SqliteCommand command)
    {
        var result = new List<CatalogEntry>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result.Add(new CatalogEntry(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
                reader.IsDBNull(4) ? null : reader.GetString(4)));
        }

        return result;
    }

    private static List<string> ReadNamespaces(SqliteCommand command)
    {
        var result = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result.Add(reader.GetString(0));
        }

        return result;
    }
}
