namespace Do.Storage;

/// <summary>
/// Ids that are never reused without AUTOINCREMENT. The version log, actions and events take SQLite's default rowid
/// (one past the largest in the table), which saves the <c>sqlite_sequence</c> page every write would otherwise dirty.
/// That default would hand out an id again only after the rows with the largest ids were deleted, and only compaction and
/// branch deletion delete them: before they do, they record each table's largest id as its floor in <c>meta</c>
/// (<see cref="RaiseRowIdFloors"/>), and the next insert into a table whose rows all lie below its floor names its id
/// explicitly (<see cref="TakeRowId"/>). A version id, action id or event sequence a reader or a sink has seen is never
/// given to another row.
/// <para>
/// Actions and stored events share one counter (<see cref="NextSequence"/>): an event derived from an action has the
/// action's id as its sequence, so every new action and stored event takes one past the largest id of both tables and of
/// their floors, and the events of both tables keep one order.
/// </para>
/// </summary>
internal sealed partial class ObjectDatabase
{
    internal const string ThingsTable = "things";
    internal const string ActionsTable = "actions";
    internal const string EventsTable = "stored_events";
    private const string FloorKeyPrefix = "rowid_floor:";

    private static readonly (string Table, string Key)[] RowIdTables = [(ThingsTable, "version"), (ActionsTable, "id"), (EventsTable, "sequence")];

    /// <summary>
    /// The id of a new action or stored event, for an INSERT's VALUES: one past the largest action id, stored event
    /// sequence and the floor bound to <c>?1</c> (<see cref="SequenceFloor"/>). Two seeks to the right edge of the
    /// tables' rowid b-trees; SQLite's own default reads the first of them anyway.
    /// </summary>
    internal const string NextSequence = "max(coalesce(?1, 0), " + LargestIds;

    /// <summary><see cref="NextSequence"/> with the floor bound to <c>$floor</c>, for commands bound by name.</summary>
    internal const string NextSequenceNamed = "max(coalesce($floor, 0), " + LargestIds;

    private const string LargestIds = "coalesce((SELECT max(id) FROM actions), 0), coalesce((SELECT max(sequence) FROM stored_events), 0)) + 1";

    private readonly Dictionary<string, long> _activeFloors = new(StringComparer.Ordinal);
    private bool _floorTaken;
    private long? _largestSequence;

    /// <summary>
    /// The id the next action or stored event takes, when this connection knows it without asking the tables: one past
    /// the largest it wrote or read since it last forgot (<see cref="SequenceWritten"/>); null while a floor is active or
    /// nothing was written yet. Bound ahead of <see cref="NextSequence"/> (<c>coalesce(?, …)</c>), it saves a sync
    /// verb's two seeks to the tables' right edges (about 1 µs of its action INSERT, benchmarks/README.md, round 11).
    /// A rollback can leave it ahead of the tables, which only skips ids. An insert this connection did not make (another
    /// process writing the file) can leave it behind: the INSERT then fails on the primary key, and
    /// <see cref="ActionStore.InsertCompleted"/> forgets it and asks the tables.
    /// </summary>
    internal long? KnownNextSequence => _activeFloors.Count == 0 ? _largestSequence + 1 : null;

    /// <summary>Records the id an action or stored event was just inserted with (one past the largest, by <see cref="NextSequence"/>); returns it.</summary>
    internal long SequenceWritten(long id)
    {
        if (_largestSequence is not long largest || id > largest)
        {
            _largestSequence = id;
        }

        return id;
    }

    /// <summary>Forgets <see cref="KnownNextSequence"/>: the next insert asks the tables again.</summary>
    internal void ForgetSequence() => _largestSequence = null;

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

    /// <summary>
    /// The floor <see cref="NextSequence"/> must stay above: the larger of the actions' and stored events' floors while a
    /// deletion left either table below its floor; null (almost always) otherwise.
    /// </summary>
    internal long? SequenceFloor
        => _activeFloors.Count == 0 ? null : Math.Max(_activeFloors.GetValueOrDefault(ActionsTable), _activeFloors.GetValueOrDefault(EventsTable));

    /// <summary>The id the next insert into <paramref name="table"/> gets, if a floor decides it; null otherwise.</summary>
    internal long? PeekRowId(string table) => _activeFloors.Count != 0 && _activeFloors.TryGetValue(table, out var floor) ? floor + 1 : null;

    /// <summary>Before deleting rows of the three tables: records each table's largest id so far as its floor.</summary>
    internal void RaiseRowIdFloors()
    {
        ForgetSequence();
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
        ForgetSequence();
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
