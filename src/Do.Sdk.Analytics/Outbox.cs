using Do.Storage;
using Microsoft.Data.Sqlite;

namespace Do.Analytics;

/// <summary>Reads an object's outbox in the global schema and moves a sink's mark, inside the object's turn.</summary>
internal static class Outbox
{
    // A page of the outbox from the event tables, merged in sequence order (EventStore.Where), with the noun's type URL
    // and the action's actor and verb: folded into the version row whose id is the action's (f), or a stored action (a).
    private static readonly string ReadSql = $"""
        SELECT e.sequence, e.type, n.type, e.source, coalesce(f.actor, a.actor), e.action, coalesce(f.verb, a.verb), e.version, e.created_at, {EventStore.DataColumn}, e.derived
        FROM ({EventStore.Where("e.sequence > $after", "a.id > $after", "t.version > $after")}) AS e
        LEFT JOIN nouns AS n ON n.id = e.noun
        LEFT JOIN things AS f ON f.version = e.action AND f.verb IS NOT NULL
        LEFT JOIN stored_actions AS a ON a.id = e.action AND f.version IS NULL
        ORDER BY e.sequence
        """;

    /// <summary>The sink's mark and up to <paramref name="limit"/> events after it, oldest first.</summary>
    public static (long Mark, List<AnalyticsEvent> Events) Read(ObjectDatabase db, string sink, int limit)
    {
        var mark = Mark(db, sink);
        var source = db.Namespace.Value;
        var events = new List<AnalyticsEvent>();
        using var reader = db.Command(ReadSql).Bind("$after", mark).Bind("$limit", limit).ExecuteReader();
        while (reader.Read())
        {
            var sequence = reader.GetInt64(0);
            events.Add(new AnalyticsEvent
            {
                Id = source + "#" + sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Sequence = sequence,
                Type = reader.GetString(1),
                TypeUrl = NullableString(reader, 2),
                Source = source,
                Thing = reader.GetInt64(10) == 0 ? reader.GetString(3) : db.Things.ThingSource(reader.GetString(3)),
                Actor = NullableString(reader, 4),
                Action = reader.IsDBNull(5) ? null : reader.GetInt64(5),
                Verb = NullableString(reader, 6),
                Version = reader.IsDBNull(7) ? null : reader.GetInt64(7),
                At = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(8)),
                Data = NullableString(reader, 9),
            });
        }

        return (mark, events);
    }

    /// <summary>How far <paramref name="sink"/> has streamed this object: 0 before its first batch.</summary>
    public static long Mark(ObjectDatabase db, string sink)
        => db.Command("SELECT sequence FROM event_streams WHERE sink = $sink").Bind("$sink", sink).ExecuteScalar() is long mark ? mark : 0;

    /// <summary>Moves the sink's mark to <paramref name="through"/> in one transaction. Never moves it back.</summary>
    public static void Advance(ObjectDatabase db, string sink, long through)
        => db.InTransaction(() => db.Command("""
                INSERT INTO event_streams (sink, sequence, updated_at) VALUES ($sink, $sequence, $now)
                ON CONFLICT (sink) DO UPDATE SET sequence = max(sequence, excluded.sequence), updated_at = excluded.updated_at
                """).Bind("$sink", sink).Bind("$sequence", through).Bind("$now", db.NowMilliseconds()).ExecuteNonQuery());

    /// <summary>
    /// The newest sequence and every sink's mark of an object's file, read through a separate read-only connection
    /// (WAL lets it read beside the host's). A file from before the marks existed has none.
    /// </summary>
    public static (long Last, Dictionary<string, long> Marks) Peek(string path)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        using var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        // A file not opened by a host since events were derived from actions (schema 12) still has one table of events,
        // and one not opened since actions were folded into versions (schema 16) has them in two.
        command.CommandText = "PRAGMA user_version";
        var schema = (long)command.ExecuteScalar()!;
        command.CommandText = schema >= 16 ? EventStore.LastSequenceSql
            : schema >= 12 ? "SELECT max(coalesce((SELECT max(sequence) FROM stored_events), 0), coalesce((SELECT id FROM actions WHERE event IS NOT NULL ORDER BY id DESC LIMIT 1), 0))"
            : "SELECT coalesce(max(sequence), 0) FROM events";
        var last = (long)command.ExecuteScalar()!;
        var marks = new Dictionary<string, long>(StringComparer.Ordinal);
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'event_streams'";
        if ((long)command.ExecuteScalar()! == 1)
        {
            command.CommandText = "SELECT sink, sequence FROM event_streams";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                marks[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        return (last, marks);
    }

    private static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
