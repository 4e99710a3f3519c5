namespace Do.Storage;

/// <summary>
/// Ids that are never reused without AUTOINCREMENT. The version log, actions and events take one past the largest id
/// (no <c>sqlite_sequence</c> page dirtied by every write). That would hand out an id again only after the rows with the
/// largest ids were deleted, and only compaction and branch deletion delete them: before they do, they record each
/// table's largest id as its floor in <c>meta</c> (<see cref="RaiseRowIdFloors"/>), and new ids stay above the floors
/// (<see cref="SequenceFloor"/>). A version id, action id or event sequence a reader or a sink has seen is never given
/// to another row.
/// <para>
/// Versions, stored actions and stored events share one counter (<see cref="NextSequence"/>): a write's own action is
/// folded into its version row (schema 16) and its event derived from it, so one id names the version, the action and
/// the event, and the events of every table keep one order.
/// </para>
/// </summary>
internal sealed partial class ObjectDatabase
{
    internal const string ThingsTable = "things";
    internal const string ActionsTable = "stored_actions";
    internal const string EventsTable = "stored_events";
    private const string FloorKeyPrefix = "rowid_floor:";

    private static readonly (string Table, string Key)[] RowIdTables = [(ThingsTable, "version"), (ActionsTable, "id"), (EventsTable, "sequence")];

    /// <summary>
    /// The id of a new version, stored action or stored event, for an INSERT's VALUES: one past the largest version,
    /// action id, stored event sequence and the floor bound to <c>?1</c> (<see cref="SequenceFloor"/>). Three seeks to
    /// the right edge of the tables' rowid b-trees; a busy writer binds <see cref="KnownNextSequence"/> ahead of it.
    /// </summary>
    internal const string NextSequence = "max(coalesce(?1, 0), " + LargestIds;

    /// <summary><see cref="NextSequence"/> with the floor bound to <c>$floor</c>, for commands bound by name.</summary>
    internal const string NextSequenceNamed = "max(coalesce($floor, 0), " + LargestIds;

    private const string LargestIds = "coalesce((SELECT max(version) FROM things), 0), coalesce((SELECT max(id) FROM stored_actions), 0), coalesce((SELECT max(sequence) FROM stored_events), 0)) + 1";

    private readonly Dictionary<string, long> _activeFloors = new(StringComparer.Ordinal);
    private bool _floorTaken;
    private long? _largestSequence;

    /// <summary>
    /// The id the next version, action or stored event takes, when this connection knows it without asking the tables:
    /// one past the largest it wrote since it last forgot (<see cref="SequenceWritten"/>); null while a floor is active
    /// or nothing was written yet. Bound ahead of <see cref="NextSequence"/> (<c>coalesce(?, …)</c>), it saves a sync
    /// verb's seeks to the tables' right edges (about 1 µs, benchmarks/README.md, round 11). A rollback can leave it
    /// ahead of the tables, which only skips ids. An insert this connection did not make (another process writing the
    /// file) can leave it behind: the INSERT then fails on the primary key, and the writer (<see cref="ThingStore.Append"/>,
    /// <see cref="ActionStore.InsertCompleted"/>) forgets it and asks the tables.
    /// </summary>
    internal long? KnownNextSequence => _activeFloors.Count == 0 ? _largestSequence + 1 : null;

    /// <summary>Records the id a version, action or stored event was just inserted with (one past the largest, by <see cref="NextSequence"/>); returns it.</summary>
    internal long SequenceWritten(long id)
    {
        if (_activeFloors.Count != 0)
        {
            // The id was drawn above every floor (NextSequence), and every later one is drawn above it: the floors are
            // met until a rollback takes the id back (RestoreRowIdFloors reads them again).
            _activeFloors.Clear();
            _floorTaken = true;
        }

        if (_largestSequence is not long largest || id > largest)
        {
            _largestSequence = id;
        }

        return id;
    }

    /// <summary>Forgets <see cref="KnownNextSequence"/>: the next insert asks the tables again.</summary>
    internal void ForgetSequence() => _largestSequence = null;

    /// <summary>
    /// The floor <see cref="NextSequence"/> must stay above: the largest floor of a table a deletion left below it; null
    /// (almost always) otherwise.
    /// </summary>
    internal long? SequenceFloor => _activeFloors.Count == 0 ? null : _activeFloors.Values.Max();

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
