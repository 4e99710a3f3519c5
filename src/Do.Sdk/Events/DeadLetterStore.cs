using Do.Storage;

namespace Do.Events;

/// <summary>The <c>dead_letters</c> table of an object's database.</summary>
internal sealed class DeadLetterStore(ObjectDatabase db)
{
    public void Add(long eventSequence, string handler, string error, int attempts)
        => db.Command("INSERT INTO dead_letters (event, handler, error, attempts, created_at) VALUES ($event, $handler, $error, $attempts, $now)")
            .Bind("$event", eventSequence).Bind("$handler", handler).Bind("$error", error).Bind("$attempts", attempts).Bind("$now", db.NowMilliseconds())
            .ExecuteNonQuery();

    public void MarkReplayed(long id)
        => db.Command("UPDATE dead_letters SET replayed_at = $now WHERE id = $id").Bind("$now", db.NowMilliseconds()).Bind("$id", id).ExecuteNonQuery();

    public void RecordFailedReplay(long id, string error)
        => db.Command("UPDATE dead_letters SET attempts = attempts + 1, error = $error WHERE id = $id").Bind("$error", error).Bind("$id", id).ExecuteNonQuery();

    private const string ListSql = $"""
        SELECT d.id, d.handler, d.error, d.attempts, d.created_at, d.replayed_at,
               e.sequence, e.type, e.source, e.thing, e.version, e.action, {EventStore.DataColumn}, e.created_at, e.dispatched_at
        FROM dead_letters AS d JOIN events AS e ON e.sequence = d.event
        WHERE $all = 1 OR d.replayed_at IS NULL
        ORDER BY d.id
        """;

    public IReadOnlyList<DeadLetter> List(bool includeReplayed)
    {
        var command = db.Command(ListSql).Bind("$all", includeReplayed ? 1 : 0);
        var result = new List<DeadLetter>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var record = new EventRecord
            {
                Sequence = reader.GetInt64(6),
                Type = reader.GetString(7),
                Source = reader.GetString(8),
                Thing = reader.IsDBNull(9) ? null : reader.GetString(9),
                Version = reader.IsDBNull(10) ? null : reader.GetInt64(10),
                ActionId = reader.IsDBNull(11) ? null : reader.GetInt64(11),
                Data = reader.IsDBNull(12) ? null : reader.GetString(12),
                At = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(13)),
                DispatchedAt = reader.IsDBNull(14) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(14)),
            };
            result.Add(new DeadLetter(
                reader.GetInt64(0),
                record,
                reader.GetString(1),
                reader.GetString(2),
                (int)reader.GetInt64(3),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
                reader.IsDBNull(5) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5))));
        }

        return result;
    }
}
