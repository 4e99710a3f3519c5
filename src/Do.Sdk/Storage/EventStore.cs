using Microsoft.Data.Sqlite;

namespace Do.Storage;

/// <summary>
/// The event outbox: one event per state change, in a per-object sequence, with a dispatched mark. An event is either
/// derived from the action that made it (a write that completed its action in one transaction: the action row carries
/// the event's type and dispatch mark, and its id is the sequence) or a row of <c>stored_events</c> (one with something
/// of its own: a delete's last state, a failure, a custom or lifecycle event, a durable action's completion). The view
/// <c>events</c> shows both; the queries here read the two tables directly, merged in sequence order, so that a page of
/// events costs two range seeks rather than a scan of the view.
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
    /// Events in sequence order as a compound SELECT over both tables, with columns sequence, type, source (the thing's
    /// id for a derived event: see <see cref="ThingStore.ThingSource"/>), noun, thing, version, action, data (null where
    /// <see cref="DataColumn"/> derives it), created_at, dispatched_at. <c>{0}</c> is the condition on stored events and
    /// <c>{1}</c> the same on actions (columns prefixed <c>a.</c>), both over sequence and dispatched_at; SQLite merges
    /// the two ordered range seeks and stops at the LIMIT.
    /// </summary>
    private const string Rows = """
        SELECT e.sequence, e.type, e.source, e.noun, e.thing, e.version, e.action, e.data, e.created_at, e.dispatched_at, 0 AS derived
        FROM stored_events AS e WHERE {0}
        """ + "\nUNION ALL\n" + DerivedArm + "\nORDER BY 1";

    // The events the actions carry, in Rows' columns: which action column is which column of its event.
    private const string DerivedArm = """
        SELECT a.id AS sequence, a.event AS type, a.target AS source, a.noun AS noun, a.target AS thing, a.after_version AS version,
               a.id AS action, NULL AS data, a.completed_at AS created_at, a.dispatched_at AS dispatched_at, 1 AS derived
        FROM actions AS a WHERE a.event IS NOT NULL AND {1}
        """;

    private static readonly string After = Select(Where("e.sequence > $after", "a.id > $after"));
    private static readonly string Pending = Select(Where("e.dispatched_at IS NULL", "a.dispatched_at IS NULL"));

    /// <summary>
    /// The sequence of the newest event, or 0: two seeks from the right edge of the tables (the view would be scanned).
    /// </summary>
    internal const string LastSequenceSql = "SELECT max(coalesce((SELECT max(sequence) FROM stored_events), 0), coalesce((SELECT max(id) FROM actions WHERE event IS NOT NULL), 0))";

    private readonly ObjectDatabase _db;

    internal EventStore(ObjectDatabase db) => _db = db;

    /// <summary>Events with a sequence greater than <paramref name="after"/>, oldest first.</summary>
    public IReadOnlyList<EventRecord> List(long after = 0, int limit = 1000)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return Read(_db.Command(After).Bind("$after", after).Bind("$limit", limit));
    }

    /// <summary>
    /// Whether any event waits for its handlers: two seeks into the partial indexes of undispatched events. Activation
    /// asks this first, so that an object with nothing pending (the usual case) never prepares <see cref="Undispatched"/>'s
    /// compound query on its new connection.
    /// </summary>
    internal bool AnyUndispatched()
    {
        using var query = _db.Once("SELECT EXISTS (SELECT 1 FROM stored_events WHERE dispatched_at IS NULL) OR EXISTS (SELECT 1 FROM actions WHERE event IS NOT NULL AND dispatched_at IS NULL)");
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

    /// <summary>Marks events as handled by every handler (each is in one of the two tables).</summary>
    internal void MarkDispatched(IReadOnlyList<long> sequences)
    {
        var now = _db.NowMilliseconds();
        var stored = _db.Command("UPDATE stored_events SET dispatched_at = $now WHERE sequence = $sequence").Bind("$now", now);
        var derived = _db.Command("UPDATE actions SET dispatched_at = $now WHERE id = $sequence AND event IS NOT NULL").Bind("$now", now);
        foreach (var sequence in sequences)
        {
            if (derived.Bind("$sequence", sequence).ExecuteNonQuery() == 0)
            {
                stored.Bind("$sequence", sequence).ExecuteNonQuery();
            }
        }
    }

    /// <summary>Whether an event of <paramref name="type"/> is dispatched as it is written: no handler listens to it.</summary>
    internal bool Handled(string type) => _db.HasSubscribers is { } has && !has(type);

    /// <summary>
    /// Records the event a just-inserted action carries (<see cref="ActionStore.InsertCompleted"/> with an event type):
    /// no row of its own; its sequence is the action's id and its data the state <paramref name="version"/> wrote. An
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
    /// <see cref="Rows"/> with its two conditions filled in, up to <c>$limit</c> events when <paramref name="limited"/>.
    /// </summary>
    internal static string Where(string stored, string derived, bool limited = true)
        => Rows.Replace("{0}", stored, StringComparison.Ordinal).Replace("{1}", derived, StringComparison.Ordinal) + (limited ? " LIMIT $limit" : "");

    /// <summary>
    /// Only the events derived from actions that meet <paramref name="condition"/> (columns prefixed <c>a.</c>), in
    /// <see cref="Rows"/>' columns: for turning them into stored events.
    /// </summary>
    internal static string DerivedRows(string condition) => DerivedArm.Replace("{1}", condition, StringComparison.Ordinal);

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
