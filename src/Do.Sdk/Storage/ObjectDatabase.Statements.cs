using Microsoft.Data.Sqlite;

namespace Do.Storage;

/// <summary>The connection's statements: cached for the queries a live object runs again, not for the ones it runs once.</summary>
internal sealed partial class ObjectDatabase
{
    // The same caches keyed by the SQL string's identity, for the constant strings the stores pass: looking a 500-character
    // statement up by its text hashes all of it, ~180 ns on each of a verb's statements; by identity it is one pointer.
    // Only interned strings (literals and constants) are keyed so, which bounds these by the program's SQL constants.
    private readonly Dictionary<string, SqliteCommand> _commandsByIdentity = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, RawStatement> _statementsByIdentity = new(ReferenceEqualityComparer.Instance);

    /// <summary>Returns a prepared command for <paramref name="sql"/>, created once per database and reused.</summary>
    internal SqliteCommand Command(string sql) => Cached(_commandsByIdentity, _commands, sql, static (db, text) =>
    {
        var command = db._connection.CreateCommand();
        command.CommandText = text;
        return command;
    });

    /// <summary>
    /// Returns a statement for <paramref name="sql"/> bound by position, prepared once per database and reused; for the
    /// INSERTs every write runs (see <see cref="RawStatement"/>).
    /// </summary>
    internal RawStatement Statement(string sql) => Cached(_statementsByIdentity, _statements, sql, static (db, text) => new RawStatement(db._connection, text));

    /// <summary>Finds <paramref name="sql"/>'s entry by identity, else by text (creating it once), and keys a constant by identity.</summary>
    private T Cached<T>(Dictionary<string, T> byIdentity, Dictionary<string, T> byText, string sql, Func<ObjectDatabase, string, T> create)
        where T : class
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (byIdentity.TryGetValue(sql, out var cached))
        {
            return cached;
        }

        if (!byText.TryGetValue(sql, out cached))
        {
            cached = create(this, sql);
            byText.Add(sql, cached);
        }

        if (IsConstant(sql))
        {
            byIdentity.Add(sql, cached);
        }

        return cached;
    }

    /// <summary>Whether <paramref name="sql"/> is the interned instance of its text: a literal or a constant of the program.</summary>
    private static bool IsConstant(string sql) => ReferenceEquals(string.IsInterned(sql), sql);

    /// <summary>The SQL of every statement this connection keeps prepared, cached and positional, for tests and diagnostics.</summary>
    internal IEnumerable<string> CachedSql => _commands.Keys.Concat(_statements.Keys);

    /// <summary>
    /// Returns a new command for <paramref name="sql"/> that is not cached; the caller disposes it. For the queries an
    /// activation runs once (its checkout, its alarm, whether anything waits to be resumed or dispatched, each noun's
    /// key and schema hash): a cached statement keeps its compiled program, 5-7 KB of SQLite's memory, for as long as
    /// the object stays active. Seven such queries held 12 KB of the 269 KB an idle active object took
    /// (benchmarks/README.md, memory per active object).
    /// </summary>
    internal SqliteCommand Once(string sql)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    /// <summary>
    /// SQLite's per-connection lookaside allocator, which serves a statement's small allocations without the process-wide
    /// allocator: <see cref="LookasideSlots"/> slots of <see cref="LookasideSlotSize"/> bytes, 36 KB, which SQLite splits
    /// into large and small slots (97 in all).
    /// </summary>
    internal const int LookasideSlotSize = 1200, LookasideSlots = 30;

    /// <summary>
    /// Gives the connection a lookaside of 36 KB instead of SQLite's default 48 KB. SQLite allocates and touches all of it
    /// when the connection opens, so each KB is a KB of every active object's working set (a 120 KB lookaside took it
    /// from 254 to 317 KB). An idle object uses about 50 slots. Under a 64-caller write load the connection fills all of
    /// them and about one small allocation in twenty goes to the process's allocator instead (SQLite's default misses too,
    /// a third as often); the write profile shows no cost. Measured (benchmarks/README.md, round 13): 257 to 241-245 KB
    /// per active object. Must run before the first statement; refused (SQLite refuses while lookaside memory is in
    /// use), the connection keeps the default.
    /// </summary>
    private static void ReserveLookaside(SqliteConnection connection)
        => _ = SQLitePCL.raw.sqlite3_db_config(connection.Handle, SQLitePCL.raw.SQLITE_DBCONFIG_LOOKASIDE, IntPtr.Zero, LookasideSlotSize, LookasideSlots);
}
