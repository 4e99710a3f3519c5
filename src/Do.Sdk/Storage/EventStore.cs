using Dapper;

namespace Do.Storage;

/// <summary>The event outbox: one row per state change, in a per-object sequence, with a dispatched mark.</summary>
public sealed class EventStore
{
    private readonly ObjectDatabase _db;

    internal EventStore(ObjectDatabase db) => _db = db;

    /// <summary>Events with a sequence greater than <paramref name="after"/>, oldest first.</summary>
    public IReadOnlyList<EventRecord> List(long after = 0, int limit = 1000)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return Map(_db.Connection.Query<EventRow>(
            "SELECT sequence, type, source, thing, version, action, data, created_at, dispatched_at FROM events WHERE sequence > @after ORDER BY sequence LIMIT @limit",
            new { after, limit }));
    }

    /// <summary>Events committed but not yet handed to handlers, oldest first.</summary>
    public IReadOnlyList<EventRecord> Undispatched(int limit = 1000)
        => Map(_db.Connection.Query<EventRow>(
            "SELECT sequence, type, source, thing, version, action, data, created_at, dispatched_at FROM events WHERE dispatched_at IS NULL ORDER BY sequence LIMIT @limit",
            new { limit }));

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

    internal EventRecord Append(string type, string source, long? nounId, string? thing, long? version, long? actionId, string? data, long now)
    {
        bool handled = _db.HasSubscribers is { } has && !has(type);
        var insert = _db.Command("""
            INSERT INTO events (type, source, noun, thing, version, action, data, created_at, dispatched_at)
            VALUES ($type, $source, $noun, $thing, $version, $action, $data, $now, $dispatched) RETURNING sequence
            """);
        insert.Bind("$type", type).Bind("$source", source).Bind("$noun", nounId).Bind("$thing", thing)
            .Bind("$version", version).Bind("$action", actionId).Bind("$data", data).Bind("$now", now).Bind("$dispatched", handled ? now : null);
        var record = new EventRecord
        {
            Sequence = (long)insert.ExecuteScalar()!,
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

    private static List<EventRecord> Map(IEnumerable<EventRow> rows)
        => rows.Select(r => new EventRecord
        {
            Sequence = r.sequence,
            Type = r.type,
            Source = r.source,
            Thing = r.thing,
            Version = r.version,
            ActionId = r.action,
            Data = r.data,
            At = DateTimeOffset.FromUnixTimeMilliseconds(r.created_at),
            DispatchedAt = r.dispatched_at is long d ? DateTimeOffset.FromUnixTimeMilliseconds(d) : null,
        }).ToList();

#pragma warning disable IDE1006, CA1707 // Dapper maps columns by name.
    internal sealed class EventRow
    {
        public long sequence { get; set; }
        public string type { get; set; } = "";
        public string source { get; set; } = "";
        public string? thing { get; set; }
        public long? version { get; set; }
        public long? action { get; set; }
        public string? data { get; set; }
        public long created_at { get; set; }
        public long? dispatched_at { get; set; }
    }
#pragma warning restore IDE1006, CA1707
}
