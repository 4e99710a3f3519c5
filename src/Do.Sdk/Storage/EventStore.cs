using Microsoft.Data.Sqlite;

namespace Do.Storage;

/// <summary>The event outbox: one row per state change, in a per-object sequence, with a dispatched mark.</summary>
internal sealed class EventStore
{
    /// <summary>
    /// The event's data: stored on the event only when it carries something the version row does not (a delete's
    /// last state, a custom or failure payload); otherwise derived from the state the event's version wrote, so a
    /// verb stores its state JSON once. Joins by the version's INTEGER PRIMARY KEY.
    /// </summary>
    internal const string DataColumn = "COALESCE(e.data, (SELECT t.data FROM things AS t WHERE t.version = e.version))";

    private const string Select = "SELECT e.sequence, e.type, e.source, e.thing, e.version, e.action, " + DataColumn + ", e.created_at, e.dispatched_at FROM events AS e";
    private readonly ObjectDatabase _db;

    internal EventStore(ObjectDatabase db) => _db = db;

    /// <summary>Events with a sequence greater than <paramref name="after"/>, oldest first.</summary>
    public IReadOnlyList<EventRecord> List(long after = 0, int limit = 1000)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return Read(_db.Command(Select + " WHERE e.sequence > $after ORDER BY e.sequence LIMIT $limit").Bind("$after", after).Bind("$limit", limit));
    }

    /// <summary>Events committed but not yet handed to handlers, oldest first.</summary>
    public IReadOnlyList<EventRecord> Undispatched(int limit = 1000)
        => Read(_db.Command(Select + " WHERE e.dispatched_at IS NULL ORDER BY e.sequence LIMIT $limit").Bind("$limit", limit));

    /// <summary>Appends an event that is not about a thing (e.g. a lifecycle operation). Joins the open transaction, if any.</summary>
    public EventRecord Emit(string type, string? data = null, long? actionId = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        return _db.InTransaction(() => Append(type, _db.Namespace.Value, null, null, null, actionId, data, _db.NowMilliseconds()));
    }

    /// <summary>Marks events as handled by every handler.</summary>
    internal void MarkDispatched(IReadOnlyList<long> sequences)
    {
        var command = _db.Command("UPDATE events SET dispatched_at = $now WHERE sequence = $sequence");
        command.Bind("$now", _db.NowMilliseconds());
        foreach (var sequence in sequences)
        {
            command.Bind("$sequence", sequence).ExecuteNonQuery();
        }
    }

    /// <summary>
    /// Appends an event. <paramref name="derived"/> says that <paramref name="data"/> is exactly the state the event's
    /// <paramref name="version"/> wrote: the row then stores no copy of it (see <see cref="DataColumn"/>).
    /// </summary>
    internal EventRecord Append(string type, string source, long? nounId, string? thing, long? version, long? actionId, string? data, long now, bool derived = false)
    {
        bool handled = _db.HasSubscribers is { } has && !has(type);
        _db.Statement("""
            INSERT INTO events (sequence, type, source, noun, thing, version, action, data, created_at, dispatched_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
            """)
            .Bind(1, _db.TakeRowId(ObjectDatabase.EventsTable)).Bind(2, type).Bind(3, source).Bind(4, nounId).Bind(5, thing)
            .Bind(6, version).Bind(7, actionId).Bind(8, derived && version is not null ? null : data).Bind(9, now).Bind(10, handled ? now : null)
            .Execute();
        var record = new EventRecord
        {
            Sequence = _db.LastInsertRowId,
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

    private static List<EventRecord> Read(SqliteCommand command)
    {
        var result = new List<EventRecord>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result.Add(new EventRecord
            {
                Sequence = reader.GetInt64(0),
                Type = reader.GetString(1),
                Source = reader.GetString(2),
                Thing = reader.IsDBNull(3) ? null : reader.GetString(3),
                Version = reader.IsDBNull(4) ? null : reader.GetInt64(4),
                ActionId = reader.IsDBNull(5) ? null : reader.GetInt64(5),
                Data = reader.IsDBNull(6) ? null : reader.GetString(6),
                At = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)),
                DispatchedAt = reader.IsDBNull(8) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(8)),
            });
        }

        return result;
    }
}
