namespace Do.Storage;

/// <summary>
/// Ids that are never reused without AUTOINCREMENT. The version log, actions and events take SQLite's default rowid
/// (one past the largest in the table), which saves the <c>sqlite_sequence</c> page every write would otherwise dirty.
/// That default would hand out an id again only after the rows with the largest ids were deleted, and only compaction and
/// branch deletion delete them: before they do, they record each table's largest id as its floor in <c>meta</c>
/// (<see cref="RaiseRowIdFloors"/>), and the next insert into a table whose rows all lie below its floor names its id
/// explicitly (<see cref="TakeRowId"/>). A version id, action id or event sequence a reader or a sink has seen is never
/// given to another row.
/// </summary>
internal sealed partial class ObjectDatabase
{
    internal const string ThingsTable = "things";
    internal const string ActionsTable = "actions";
    internal const string EventsTable = "events";
    private const string FloorKeyPrefix = "rowid_floor:";

    private static readonly (string Table, string Key)[] RowIdTables = [(ThingsTable, "version"), (ActionsTable, "id"), (EventsTable, "sequence")];

    private readonly Dictionary<string, long> _activeFloors = new(StringComparer.Ordinal);
    private bool _floorTaken;

    /// <summary>
    /// The id the next insert into <paramref name="table"/> must name, or null to let SQLite choose (almost always).
    /// Non-null once after a deletion removed the table's newest rows.
    /// </summary>
    internal long? TakeRowId(string table)
    {
        if (_activeFloors.Count == 0 || !_activeFloors.Remove(table, out var floor))
        {
            return null;
        }

        _floorTaken = true;
        return floor + 1;
    }

    /// <summary>The id the next insert into <paramref name="table"/> gets, if a floor decides it; null otherwise.</summary>
    internal long? PeekRowId(string table) => _activeFloors.Count != 0 && _activeFloors.TryGetValue(table, out var floor) ? floor + 1 : null;

    /// <summary>Before deleting rows of the three tables: records each table's largest id so far as its floor.</summary>
    internal void RaiseRowIdFloors()
    {
        foreach (var (table, key) in RowIdTables)
        {
            Execute(
                $"""
                INSERT INTO meta (key, value) SELECT $k, COALESCE(MAX(id), 0) FROM (SELECT MAX({key}) AS id FROM {table} UNION ALL SELECT CAST(value AS INTEGER) FROM meta WHERE key = $k) WHERE true
                ON CONFLICT (key) DO UPDATE SET value = excluded.value
                """,
                ("$k", FloorKeyPrefix + table));
        }
    }

    /// <summary>Reads which tables have all their rows below their floor; after opening, a deletion or a rollback.</summary>
    internal void RefreshRowIdFloors()
    {
        _activeFloors.Clear();
        _floorTaken = false;
        List<(string Table, long Floor)>? floors = null;
        using (var command = Connection.CreateCommand())
        {
            command.CommandText = $"SELECT substr(key, {FloorKeyPrefix.Length + 1}), CAST(value AS INTEGER) FROM meta WHERE key >= '{FloorKeyPrefix}' AND key < '{FloorKeyPrefix[..^1]};'";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                (floors ??= []).Add((reader.GetString(0), reader.GetInt64(1)));
            }
        }

        foreach (var (table, floor) in floors ?? [])
        {
            var key = Array.Find(RowIdTables, t => t.Table == table).Key;
            if (key is not null && floor > (Scalar($"SELECT MAX({key}) FROM {table}") is long max ? max : 0))
            {
                _activeFloors[table] = floor;
            }
        }
    }

    /// <summary>After a rollback: an id taken from a floor was not used after all.</summary>
    private void RestoreRowIdFloors()
    {
        if (_floorTaken)
        {
            RefreshRowIdFloors();
        }
    }
}
