using Microsoft.Data.Sqlite;

namespace Do.Storage;

/// <summary>
/// The event outbox: one event per state change, in a per-object sequence, with a dispatched mark. An event is either
/// derived from the write that made it (the version row, into which the write's action is folded, carries the event's
/// type and dispatch mark, and its id is the sequence: schema 16; files written before it have such events on rows of
/// <c>stored_actions</c>) or a row of <c>stored_events</c> (one with something of its own: a delete's last state, a
/// failure, a custom or lifecycle event, a durable action's completion). The view <c>events</c> shows all three; the
/// queries here read the tables directly, merged in sequence order, so that a page of events costs three range seeks
/// rather than a scan of the view.
/// </summary>
internal sealed class EventStore
{
    /// <summary>
    /// The event's data: stored on the event only when it carries something the version row does not (a delete's
    /// last state, a custom or failure payload); otherwise derived from the state the event's version wrote, so a
    /// verb stores its state JSON once. Joins by the version's INTEGER PRIMARY KEY.
    /// </summary>
    internal const string DataColumn = "COALESCE(e.data, (SELECT t.data FROM things AS t WHERE t.version = e.version))";

    /// <summary>
    /// Events in sequence order as a compound SELECT over the three tables, with columns sequence, type, source (the
    /// thing's id for a derived event: see <see cref="ThingStore.ThingSource"/>), noun, thing, version, action, data (null
    /// where <see cref="DataColumn"/> derives it), created_at, dispatched_at. <c>{0}</c> is the condition on stored events,
    /// <c>{1}</c> the same on stored actions (columns prefixed <c>a.</c>) and <c>{2}</c> on versions (prefixed
    /// <c>t.</c>), each over the sequence and dispatched_at; SQLite merges the ordered range seeks and stops at the LIMIT.
    /// </summary>
    private const string Rows = """
        SELECT e.sequence, e.type, e.source, e.noun, e.thing, e.version, e.action, e.data, e.created_at, e.dispatched_at, 0 AS derived
        FROM stored_events AS e WHERE {0}
        """ + "\nUNION ALL\n" + ActionArm + "\nUNION ALL\n" + VersionArm + "\nORDER BY 1";

    // The events stored actions carry (written before schema 16), in Rows' columns.
    private const string ActionArm = """
        SELECT a.id AS sequence, a.event AS type, a.target AS source, a.noun AS noun, a.target AS thing, a.after_version AS version,
               a.id AS action, NULL AS data, a.completed_at AS created_at, a.dispatched_at AS dispatched_at, 1 AS derived
        FROM stored_actions AS a WHERE a.event IS NOT NULL AND {1}
        """;

    // The events version rows carry, in Rows' columns: the version is the action and the sequence.
    private const string VersionArm = """
        SELECT t.version AS sequence, t.event AS type, t.id AS source, t.noun AS noun, t.id AS thing, t.version AS version,
               t.version AS action, NULL AS data, t.at AS created_at, t.dispatched_at AS dispatched_at, 1 AS derived
        FROM things AS t WHERE t.event IS NOT NULL AND {2}
        """;

    private static readonly string After = Select(Where("e.sequence > $after", "a.id > $after", "t.version > $after"));
    private static readonly string Pending = Select(Where("e.dispatched_at IS NULL", "a.dispatched_at IS NULL", "t.dispatched_at IS NULL"));

    /// <summary>
    /// The sequence of the newest event, or 0: each table read backwards from its right edge to its newest event (the
    /// view would be scanned, and max() with a WHERE reads the whole table).
    /// </summary>
    internal const string LastSequenceSql = """
        SELECT max(coalesce((SELECT max(sequence) FROM stored_events), 0),
                   coalesce((SELECT id FROM stored_actions WHERE event IS NOT NULL ORDER BY id DESC LIMIT 1), 0),
                   coalesce((SELECT version FROM things WHERE event IS NOT NULL ORDER BY version DESC LIMIT 1), 0))
        """;

    private readonly ObjectDatabase _db;

    internal EventStore(ObjectDatabase db) => _db = db;

    /// <summary>Events with a sequence greater than <paramref name="after"/>, oldest first.</summary>
    public IReadOnlyList<EventRecord> List(long after = 0, int limit = 1000)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return Read(_db.Command(After).Bind("$after", after).Bind("$limit", limit));
    }

    /// <summary>
    /// Whether any event waits for its handlers: three seeks into the partial indexes of undispatched events. Activation
    /// asks this first, so that an object with nothing pending (the usual case) never prepares <see cref="Undispatched"/>'s
    /// compound query on its new connection.
    /// </summary>
    internal bool AnyUndispatched()
    {
        using var query = _db.Once("SELECT EXISTS (SELECT 1 FROM stored_events WHERE dispatched_at IS NULL) OR EXISTS (SELECT 1 FROM stored_actions WHERE event IS NOT NULL AND dispatched_at IS NULL) OR EXISTS (SELECT 1 FROM things WHERE event IS NOT NULL AND dispatched_at IS NULL)");
        return query.ExecuteScalar() is 1L;
    }

    /// <summary>Events committed but not yet handed to handlers, oldest first.</summary>
    public IReadOnlyList<EventRecord> Undispatched(int limit = 1000)
        => Read(_db.Command(Pending).Bind("$limit", limit));

    /// <summary>The sequence of the newest event, or 0 when there is none.</summary>
    internal long LastSequence() => _db.Command(LastSequenceSql).ExecuteScalar() is long last ? last : 0;

    /// <summary>Appends an event that is not about a thing (e.g. a lifecycle operation). Joins the open transaction, if any.</summary>
    public EventRecord Emit(string type, string? data = null, long? actionId = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        return _db.InTransaction(() => Append(type, _db.Namespace.Value, null, null, null, actionId, data, _db.NowMilliseconds()));
    }

    /// <summary>Marks events as handled by every handler (each is in one of the three tables).</summary>
    internal void MarkDispatched(IReadOnlyList<long> sequences)
    {
        var now = _db.NowMilliseconds();
        var version = _db.Command("UPDATE things SET dispatched_at = $now WHERE version = $sequence AND event IS NOT NULL").Bind("$now", now);
        var stored = _db.Command("UPDATE stored_events SET dispatched_at = $now WHERE sequence = $sequence").Bind("$now", now);
        var action = _db.Command("UPDATE stored_actions SET dispatched_at = $now WHERE id = $sequence AND event IS NOT NULL").Bind("$now", now);
        foreach (var sequence in sequences)
        {
            if (version.Bind("$sequence", sequence).ExecuteNonQuery() == 0 && stored.Bind("$sequence", sequence).ExecuteNonQuery() == 0)
            {
                action.Bind("$sequence", sequence).ExecuteNonQuery();
            }
        }
    }

    /// <summary>Whether an event of <paramref name="type"/> is dispatched as it is written: no handler listens to it.</summary>
    internal bool Handled(string type) => _db.HasSubscribers is { } has && !has(type);

    /// <summary>
    /// Records the event a just-appended version carries (<see cref="ThingStore.Append"/>): no row of its own; its
    /// sequence is the version's id (which is also its action's) and its data the state <paramref name="version"/> wrote. An
    /// event no handler waits for needs no record in memory either.
    /// </summary>
    internal void Derived(string type, string thing, long version, long actionId, string data, long now, bool handled)
    {
        if (handled || _db.HasSubscribers is null)
        {
            _db.LastEventSequence = actionId;
            return;
        }

        Record(actionId, type, _db.Things.ThingSource(thing), thing, version, actionId, data, now, handled: false);
    }

    /// <summary>
    /// Appends an event. <paramref name="derived"/> says that <paramref name="data"/> is exactly the state the event's
    /// <paramref name="version"/> wrote: the row then stores no copy of it (see <see cref="DataColumn"/>).
    /// </summary>
    internal EventRecord Append(string type, string source, long? nounId, string? thing, long? version, long? actionId, string? data, long now, bool derived = false)
    {
        bool handled = Handled(type);
        _db.Statement($"""
            INSERT INTO stored_events (sequence, type, source, noun, thing, version, action, data, created_at, dispatched_at)
            VALUES ({ObjectDatabase.NextSequence}, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
            """)
            .Bind(1, _db.SequenceFloor).Bind(2, type).Bind(3, source).Bind(4, nounId).Bind(5, thing)
            .Bind(6, version).Bind(7, actionId).Bind(8, derived && version is not null ? null : data).Bind(9, now).Bind(10, handled ? now : null)
            .Execute();
        return Record(_db.SequenceWritten(_db.LastInsertRowId), type, source, thing, version, actionId, data, now, handled);
    }

    private EventRecord Record(long sequence, string type, string source, string? thing, long? version, long? actionId, string? data, long now, bool handled)
    {
        var record = new EventRecord
        {
            Sequence = sequence,
            Type = type,
            Source = source,
            Thing = thing,
            Version = version,
            ActionId = actionId,
            Data = data,
            At = DateTimeOffset.FromUnixTimeMilliseconds(now),
            DispatchedAt = handled ? DateTimeOffset.FromUnixTimeMilliseconds(now) : null,
        };
        _db.LastEventSequence = record.Sequence;
        if (!handled && _db.HasSubscribers is not null)
        {
            // Only a host dispatches; without one the event waits in the outbox for the next activation.
            _db.AddUncommittedEvent(record);
        }

        return record;
    }

    /// <summary>
    /// The columns <see cref="ReadRecord"/> reads, over events aliased <c>e</c> with <see cref="Rows"/>' columns (a
    /// page from <see cref="Where"/>).
    /// </summary>
    internal const string Columns = "e.sequence, e.type, e.source, e.thing, e.version, e.action, " + DataColumn + ", e.created_at, e.dispatched_at, e.derived";

    /// <summary>
    /// <see cref="Rows"/> with its three conditions filled in, up to <c>$limit</c> events when <paramref name="limited"/>.
    /// </summary>
    internal static string Where(string stored, string actions, string versions, bool limited = true)
        => Rows.Replace("{0}", stored, StringComparison.Ordinal).Replace("{1}", actions, StringComparison.Ordinal).Replace("{2}", versions, StringComparison.Ordinal)
           + (limited ? " LIMIT $limit" : "");

    /// <summary>
    /// Only the derived events that meet <paramref name="actions"/> (on stored actions, columns prefixed <c>a.</c>) or
    /// <paramref name="versions"/> (on version rows, prefixed <c>t.</c>), in <see cref="Rows"/>' columns: for turning them
    /// into stored events.
    /// </summary>
    internal static string DerivedRows(string actions, string versions)
        => ActionArm.Replace("{1}", actions, StringComparison.Ordinal) + "\nUNION ALL\n" + VersionArm.Replace("{2}", versions, StringComparison.Ordinal);

    /// <summary>Reads the event at <paramref name="first"/> and the nine columns after it (<see cref="Columns"/>).</summary>
    internal EventRecord ReadRecord(SqliteDataReader reader, int first) => new()
    {
        Sequence = reader.GetInt64(first),
        Type = reader.GetString(first + 1),
        Source = reader.GetInt64(first + 9) == 0 ? reader.GetString(first + 2) : _db.Things.ThingSource(reader.GetString(first + 2)),
        Thing = reader.IsDBNull(first + 3) ? null : reader.GetString(first + 3),
        Version = reader.IsDBNull(first + 4) ? null : reader.GetInt64(first + 4),
        ActionId = reader.IsDBNull(first + 5) ? null : reader.GetInt64(first + 5),
        Data = reader.IsDBNull(first + 6) ? null : reader.GetString(first + 6),
        At = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(first + 7)),
        DispatchedAt = reader.IsDBNull(first + 8) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(first + 8)),
    };

    private static string Select(string page) => "SELECT " + Columns + " FROM (" + page + ") AS e";

    private List<EventRecord> Read(SqliteCommand command)
    {
        var result = new List<EventRecord>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result.Add(ReadRecord(reader, 0));
        }

        return result;
    }
}
