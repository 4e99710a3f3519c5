using Microsoft.Data.Sqlite;

namespace Do.Storage;

/// <summary>How the object's connection is set up before its first statement.</summary>
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
}
