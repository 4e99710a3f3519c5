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

    // The events of the dead letters, read from both event tables by key (a join with the view events would scan it).
    private static readonly string ListSql = $"""
        SELECT d.id, d.handler, d.error, d.attempts, d.created_at, d.replayed_at, {EventStore.Columns}
        FROM dead_letters AS d
        JOIN ({EventStore.Where("e.sequence IN (SELECT event FROM dead_letters)", "a.id IN (SELECT event FROM dead_letters)", "t.version IN (SELECT event FROM dead_letters)", limited: false)}) AS e ON e.sequence = d.event
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
            var record = db.Events.ReadRecord(reader, 6);
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
