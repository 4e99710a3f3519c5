using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Do.Storage;

/// <summary>
/// One object's SQLite database: an open WAL connection, its migrations, reusable prepared statements and the
/// transaction in progress. Not thread-safe: the host gives an object one turn at a time, and every store runs
/// inside that turn.
/// </summary>
internal sealed partial class ObjectDatabase : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RawStatement> _statements = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _nounIds = new(StringComparer.Ordinal);
    private readonly List<EventRecord> _committed = [];
    private readonly List<EventRecord> _uncommitted = [];
    private int _transactionDepth;
    private bool _disposed;
    private WalCheckpointer? _checkpointer;

    private ObjectDatabase(string path, ObjectNamespace ns, SqliteConnection connection, TimeProvider time)
    {
        Path = path;
        Namespace = ns;
        _connection = connection;
        Time = time;
        Things = new ThingStore(this);
        Actions = new ActionStore(this);
        Events = new EventStore(this);
        Relationships = new RelationshipStore(this);
        Objects = new ObjectStore(this);
        Search = new SearchStore(this);
        Branches = new BranchStore(this);
        Lifecycle = new Lifecycle.LifecycleOperations(this);
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>The namespace of the object that owns this database.</summary>
    public ObjectNamespace Namespace { get; }

    /// <summary>The clock used for every timestamp written.</summary>
    public TimeProvider Time { get; }

    /// <summary>The version log of things.</summary>
    public ThingStore Things { get; }

    /// <summary>Who did what.</summary>
    public ActionStore Actions { get; }

    /// <summary>The event outbox.</summary>
    public EventStore Events { get; }

    /// <summary>Graph edges between things (and other objects, by URL).</summary>
    public RelationshipStore Relationships { get; }

    /// <summary>Links to other objects: parent, children, root.</summary>
    public ObjectStore Objects { get; }

    /// <summary>Full-text search over things.</summary>
    public SearchStore Search { get; }

    /// <summary>Branches of the version log.</summary>
    public BranchStore Branches { get; }

    internal Lifecycle.LifecycleOperations Lifecycle { get; }

    /// <summary>How many migrations this open applied (zero when the file was already current).</summary>
    public int MigrationsApplied { get; private set; }

    /// <summary>The schema version of the file after opening.</summary>
    public int SchemaVersion { get; private set; }

    internal SqliteConnection Connection => _connection;

    /// <summary>
    /// The rowid of the last row this connection inserted. Read instead of a <c>RETURNING</c> clause on the write path:
    /// SQLite runs <c>RETURNING</c> through a temporary table with its own page cache, several microseconds per statement.
    /// </summary>
    internal long LastInsertRowId => SQLitePCL.raw.sqlite3_last_insert_rowid(_connection.Handle);

    /// <summary>Checkpoints this file's log off the write path; null under FULL and with exclusive locking.</summary>
    internal WalCheckpointer? Checkpointer => _checkpointer;

    /// <summary>
    /// Tells whether an event type has handlers. Events without handlers are stored already dispatched, so a write
    /// that nobody listens to costs no second statement. Null means every event waits for dispatch.
    /// </summary>
    internal Func<string, bool>? HasSubscribers { get; set; }

    internal bool IsInTransaction => _transactionDepth > 0;

    /// <summary>
    /// Opens (creating if needed) the database of <paramref name="ns"/> at <paramref name="path"/> and brings its
    /// schema up to date in one transaction. A file that belongs to another namespace is refused.
    /// </summary>
    public static ObjectDatabase Open(string path, ObjectNamespace ns, SynchronousMode synchronous = SynchronousMode.Normal, TimeProvider? time = null)
        => Open(path, ns, synchronous, time, exclusiveLocking: false);

    /// <summary>
    /// Opens as <see cref="Open(string, ObjectNamespace, SynchronousMode, TimeProvider?)"/>; with
    /// <paramref name="exclusiveLocking"/> the connection keeps the file's lock from its first transaction until it
    /// closes (<c>locking_mode=EXCLUSIVE</c>, WAL index in heap memory), so no other connection can read the file
    /// meanwhile.
    /// </summary>
    internal static ObjectDatabase Open(string path, ObjectNamespace ns, SynchronousMode synchronous, TimeProvider? time, bool exclusiveLocking)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(ns);
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        };
        var connection = new SqliteConnection(builder.ToString());
        ObjectDatabase? db = null;
        try
        {
            connection.Open();
            ReserveLookaside(connection);
            db = new ObjectDatabase(path, ns, connection, time ?? TimeProvider.System);
            if (exclusiveLocking)
            {
                // Before the first WAL access, so the WAL index is built in heap memory and no -shm file is used.
                db.Execute("PRAGMA locking_mode = EXCLUSIVE");
            }

            // Where commits do not sync (NORMAL, OFF), a checkpoint's syncs are the only ones on the write path: a second
            // connection takes them off it (WalCheckpointer), and the automatic checkpoint is only its backstop. Under
            // FULL every commit syncs anyway, and a concurrent checkpoint's syncs measurably slowed them down.
            db._checkpointer = exclusiveLocking || synchronous >= SynchronousMode.Full ? null : new WalCheckpointer(path);
            // page_size takes effect only in a new file (SQLite fixes it with the first table, and a WAL file keeps it).
            db.Execute($"""
                PRAGMA page_size = {ObjectSchema.PageSize};
                PRAGMA journal_mode = WAL;
                PRAGMA synchronous = {(int)synchronous};
                PRAGMA foreign_keys = ON;
                PRAGMA busy_timeout = 5000;
                {(db._checkpointer is null ? "" : $"PRAGMA wal_autocheckpoint = {WalCheckpointer.BackstopPages}; PRAGMA journal_size_limit = {WalCheckpointer.LogSizeLimit};")}
                """);

            db.Migrate();
            db.Execute("PRAGMA foreign_keys = OFF"); // see InCheckedTransaction
            db.RefreshRowIdFloors();
            db.Lifecycle.RestoreCheckout();
            return db;
        }
        catch
        {
            if (db is not null)
            {
                db.Dispose();
            }
            else
            {
                connection.Dispose();
            }

            throw;
        }
    }

    private void Migrate()
    {
        // Fast path: a current file needs one read and no write lock.
        var current = Convert.ToInt32(Scalar("PRAGMA user_version"), CultureInfo.InvariantCulture);
        var latest = ObjectSchema.Migrations[^1].Version;
        if (current == latest)
        {
            CheckOwner();
            SchemaVersion = current;
            return;
        }

        if (current > latest)
        {
            throw new StorageException($"The database {Path} has schema version {current}, newer than this Do.Sdk understands ({latest}). Upgrade Do.Sdk to open it.");
        }

        InTransaction(() =>
        {
            // Re-read under the write lock: another opener may have migrated meanwhile.
            current = Convert.ToInt32(Scalar("PRAGMA user_version"), CultureInfo.InvariantCulture);
            foreach (var migration in ObjectSchema.Migrations)
            {
                if (migration.Version <= current)
                {
                    continue;
                }

                Execute(migration.Sql);
                Execute($"PRAGMA user_version = {migration.Version}");
                MigrationsApplied++;
            }

            Execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)");
            foreach (var migration in ObjectSchema.Migrations)
            {
                if (migration.Version > current)
                {
                    Execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($v, $n, $t)", ("$v", migration.Version), ("$n", migration.Name), ("$t", NowMilliseconds()));
                }
            }

            Execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('ns', $ns)", ("$ns", Namespace.Value));
        });
        CheckOwner();
        SchemaVersion = latest;
    }

    private void CheckOwner()
    {
        var owner = Scalar("SELECT value FROM meta WHERE key = 'ns'") as string;
        if (!string.Equals(owner, Namespace.Value, StringComparison.Ordinal))
        {
            throw new StorageException($"The database {Path} belongs to {owner ?? "no object"}, not to {Namespace.Value}; refusing to open it for another object.");
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one write transaction. Nested calls join the outer transaction; the
    /// outermost commits, and any exception rolls everything back, so a failed operation leaves no partial rows.
    /// </summary>
    public T InTransaction<T>(Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_transactionDepth > 0)
        {
            _transactionDepth++;
            try
            {
                return work();
            }
            finally
            {
                _transactionDepth--;
            }
        }

        BeginImmediate();
        _transactionDepth = 1;
        try
        {
            var result = work();
            Statement("COMMIT").Execute();
            _transactionDepth = 0;
            _floorTaken = false;
            Committed();
            _committed.AddRange(_uncommitted);
            _uncommitted.Clear();
            return result;
        }
        catch
        {
            _transactionDepth = 0;
            _uncommitted.Clear();
            ForgetNouns(); // a rolled-back intern (and its view and indexes) must not stay cached
            Things.ForgetHeads();
            _searchIndex?.OnRollback();
            if (!_connection.State.HasFlag(System.Data.ConnectionState.Open))
            {
                throw;
            }

            try
            {
                Command("ROLLBACK").ExecuteNonQuery();
            }
            catch (SqliteException)
            {
                // SQLite already rolled back (e.g. after SQLITE_FULL); the original error is the one to report.
            }

            RestoreRowIdFloors();
            throw;
        }
    }

    /// <summary>Runs <paramref name="work"/> in one write transaction; see <see cref="InTransaction{T}(Func{T})"/>.</summary>
    public void InTransaction(Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        InTransaction(() =>
        {
            work();
            return 0;
        });
    }

    /// <summary>Events committed since the last call, in sequence order, for dispatch after commit.</summary>
    internal List<EventRecord>? TakeCommittedEvents()
    {
        if (_committed.Count == 0)
        {
            return null;
        }

        var events = new List<EventRecord>(_committed);
        _committed.Clear();
        return events;
    }

    internal void AddUncommittedEvent(EventRecord record) => _uncommitted.Add(record);

    internal void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    internal long NowMilliseconds() => Time.GetUtcNow().ToUnixTimeMilliseconds();

    internal int Execute(string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command.ExecuteNonQuery();
    }

    /// <summary>
    /// Copies the whole write-ahead log into the file and empties it, e.g. before the file's bytes are copied. Waits for a
    /// background checkpoint first, so the two do not contend for the checkpoint lock.
    /// </summary>
    internal void TruncateLog()
    {
        _checkpointer?.WaitForRunning();
        Execute("PRAGMA wal_checkpoint(TRUNCATE)");
    }

    internal object? Scalar(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    /// <summary>Closes the connection and every prepared statement. Idempotent.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _checkpointer?.WaitForRunning();
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
        _commandsByIdentity.Clear();
        foreach (var statement in _statements.Values)
        {
            statement.Dispose();
        }

        _statements.Clear();
        _statementsByIdentity.Clear();
        _connection.Dispose();
    }
}
