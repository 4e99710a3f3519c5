using Microsoft.Data.Sqlite;

namespace Do.Storage;

/// <summary>How the object's connection is set up: its lookaside, and where it enforces foreign keys.</summary>
internal sealed partial class ObjectDatabase
{
    /// <summary>
    /// Slots of SQLite's per-connection lookaside allocator: <see cref="LookasideSlots"/> slots of
    /// <see cref="LookasideSlotSize"/> bytes, 120 KB, which SQLite splits into about 75 large and 230 small slots.
    /// </summary>
    internal const int LookasideSlotSize = 1200, LookasideSlots = 100;

    /// <summary>
    /// Gives the connection a larger lookaside than SQLite's default of 48 KB (about 120 slots). The object's cached
    /// statements keep about 110 of those slots for as long as they live, so under load one small allocation in six
    /// missed the lookaside and went to the process-wide allocator and its lock: 0.9 million misses against 4.7 million
    /// hits in a 64-caller run (benchmarks/README.md, write path round 12). With 120 KB none missed. Must run before the first statement (SQLite refuses it while lookaside memory is in use); refused,
    /// the connection keeps the default and works the same, only slower.
    /// </summary>
    private static void ReserveLookaside(SqliteConnection connection)
        => _ = SQLitePCL.raw.sqlite3_db_config(connection.Handle, SQLitePCL.raw.SQLITE_DBCONFIG_LOOKASIDE, IntPtr.Zero, LookasideSlotSize, LookasideSlots);

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction with SQLite's foreign keys enforced, for the operations that delete
    /// rows other rows name (compaction, deleting a branch): a bug that left a version, action or step naming a row that
    /// is gone fails there and changes nothing. Called inside a transaction, it joins that transaction as it is.
    /// <para>
    /// Everywhere else the connection runs with enforcement off, as SQLite's default is, after the migrations ran with it
    /// on. Each verb inserts an action and a version that name their noun and branch, ids the writer has just read from
    /// those tables in the same turn, and checking them again cost four lookups per verb: 2.4 µs of a member's 15 µs
    /// under 64 callers (benchmarks/README.md, write path round 12). The REFERENCES clauses stay in the schema, for the
    /// checked operations and for people reading the file. Turning enforcement on or off makes SQLite prepare each cached
    /// statement again, so it is done per operation here, never per verb.
    /// </para>
    /// </summary>
    internal T InCheckedTransaction<T>(Func<T> work)
    {
        if (IsInTransaction)
        {
            return InTransaction(work); // SQLite changes enforcement only between transactions: this one joins, as it is
        }

        Statement("PRAGMA foreign_keys = ON").Execute();
        try
        {
            return InTransaction(work);
        }
        finally
        {
            Statement("PRAGMA foreign_keys = OFF").Execute();
        }
    }

    /// <inheritdoc cref="InCheckedTransaction{T}(Func{T})"/>
    internal void InCheckedTransaction(Action work)
        => InCheckedTransaction(() =>
        {
            work();
            return 0;
        });
}
