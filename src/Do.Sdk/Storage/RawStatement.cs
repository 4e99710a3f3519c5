using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Do.Storage;

/// <summary>
/// A statement prepared once on the object's connection and bound by position through SQLite's own API, for the few
/// INSERTs every write runs. Microsoft.Data.Sqlite binds by name on each execution and allocates a binder per parameter,
/// a UTF-8 copy per string and a box per number (about a quarter of a sync verb's allocations); here strings go to SQLite
/// as UTF-16 and numbers as integers, with nothing allocated. Runs inside the object's turn, like every command.
/// <para>
/// SQLite keeps a statement's bindings across <c>sqlite3_reset</c>, so a value equal to the one bound last time is not
/// bound again: of the 32 values a sync verb binds, about half (its verb, actor, noun, branch, input, the time within a
/// millisecond) repeat from the previous verb, and each bind is a P/Invoke and a lock of the connection's mutex.
/// </para>
/// </summary>
internal sealed class RawStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    // What each parameter holds now (index 0 unused): its kind, and the integer or string bound last.
    private readonly Bound[] _kinds;
    private readonly long[] _integers;
    private readonly string?[] _strings;

    public RawStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        var rc = raw.sqlite3_prepare_v3(_db, sql, raw.SQLITE_PREPARE_PERSISTENT, out _statement);
        SqliteException.ThrowExceptionForRC(rc, _db);
        var count = raw.sqlite3_bind_parameter_count(_statement) + 1;
        _kinds = new Bound[count];
        _integers = new long[count];
        _strings = new string?[count];
    }

    private enum Bound : byte
    {
        Null, // what SQLite starts every parameter as
        Integer,
        Text,
        Unknown, // a bind failed: whatever SQLite holds, the next bind goes through
    }

    /// <summary>Binds parameter <paramref name="index"/> (1-based, in the order of the SQL text).</summary>
    public RawStatement Bind(int index, long value)
    {
        if (_kinds[index] != Bound.Integer || _integers[index] != value)
        {
            _kinds[index] = Bound.Unknown; // until SQLite has taken the new value
            Check(raw.sqlite3_bind_int64(_statement, index, value));
            _integers[index] = value;
            _kinds[index] = Bound.Integer;
        }

        return this;
    }

    /// <inheritdoc cref="Bind(int, long)"/>
    public RawStatement Bind(int index, long? value) => value is long v ? Bind(index, v) : BindNull(index);

    /// <inheritdoc cref="Bind(int, long)"/>
    public RawStatement Bind(int index, string? value)
    {
        if (value is null)
        {
            return BindNull(index);
        }

        if (_kinds[index] != Bound.Text || !string.Equals(_strings[index], value, StringComparison.Ordinal))
        {
            _kinds[index] = Bound.Unknown;
            _strings[index] = null;
            Check(raw.sqlite3_bind_text16(_statement, index, value.AsSpan()));
            _strings[index] = value;
            _kinds[index] = Bound.Text;
        }

        return this;
    }

    /// <summary>Binds NULL to <paramref name="index"/>, unless it already holds NULL.</summary>
    public RawStatement BindNull(int index)
    {
        if (_kinds[index] != Bound.Null)
        {
            _kinds[index] = Bound.Unknown;
            _strings[index] = null;
            Check(raw.sqlite3_bind_null(_statement, index));
            _kinds[index] = Bound.Null;
        }

        return this;
    }

    /// <summary>Runs the statement to completion; a failure throws the <see cref="SqliteException"/> SQLite reports.</summary>
    public void Execute()
    {
        var rc = raw.sqlite3_step(_statement);
        try
        {
            if (rc != raw.SQLITE_DONE && rc != raw.SQLITE_ROW)
            {
                SqliteException.ThrowExceptionForRC(rc, _db); // reads the message before the reset clears it
            }
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    /// <summary>Runs a statement that returns one integer (a PRAGMA) and returns it.</summary>
    public long ExecuteInt64()
    {
        var rc = raw.sqlite3_step(_statement);
        try
        {
            if (rc != raw.SQLITE_ROW)
            {
                SqliteException.ThrowExceptionForRC(rc == raw.SQLITE_DONE ? raw.SQLITE_MISUSE : rc, _db);
            }

            return raw.sqlite3_column_int64(_statement, 0);
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    public void Dispose() => _statement.Dispose();

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }
}
