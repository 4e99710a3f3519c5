using Do.Storage;
using Microsoft.Data.Sqlite;

namespace Do.Execution;

/// <summary>Reads the action log as <see cref="ActionInfo"/> records: one action, or a filtered page, newest first.</summary>
internal static class ActionQueries
{
    private const string Columns = "id, verb, target, actor, status, attempts, error, input, output, before_version, after_version, created_at";

    public static ActionInfo? Get(ObjectDatabase db, long id)
    {
        var command = db.Command($"SELECT {Columns} FROM actions WHERE id = $id").Bind("$id", id);
        using var reader = command.ExecuteReader();
        return reader.Read() ? Read(reader) : null;
    }

    public static IReadOnlyList<ActionInfo> List(ObjectDatabase db, ActionFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        filter.Validate();
        var command = db.Command(ListSql);
        command.Bind("$status", filter.Status?.ToString().ToLowerInvariant())
            .Bind("$verb", filter.Verb)
            .Bind("$actor", filter.Actor)
            .Bind("$target", filter.Target)
            .Bind("$since", filter.Since?.ToUnixTimeMilliseconds())
            .Bind("$until", filter.Until?.ToUnixTimeMilliseconds())
            .Bind("$before", filter.Before)
            .Bind("$limit", filter.Limit);
        var result = new List<ActionInfo>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result.Add(Read(reader));
        }

        return result;
    }

    // Both halves of the log (stored actions, and actions folded into the versions they wrote), each read newest first
    // from its rowid b-tree and merged by SQLite up to the LIMIT: the view actions would be sorted whole.
    private const string Filter = """
          ($status IS NULL OR status = $status)
          AND ($verb IS NULL OR verb = $verb)
          AND ($actor IS NULL OR COALESCE(actor, 'system') = $actor)
          AND ($since IS NULL OR created_at >= $since)
          AND ($until IS NULL OR created_at < $until)
        """;

    internal const string ListSql = $"""
        SELECT {Columns} FROM stored_actions
        WHERE {Filter} AND ($target IS NULL OR target = $target) AND ($before IS NULL OR id < $before)
        UNION ALL
        SELECT {Columns} FROM (
            SELECT version AS id, verb, id AS target, actor, coalesce(status, 'completed') AS status, 1 AS attempts, NULL AS error, input, output,
                   before_version, version AS after_version, at AS created_at
            FROM things WHERE verb IS NOT NULL AND ($target IS NULL OR id = $target) AND ($before IS NULL OR version < $before))
        WHERE {Filter}
        ORDER BY 1 DESC LIMIT $limit
        """;

    private static ActionInfo Read(SqliteDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.IsDBNull(3) ? ActorScope.System : reader.GetString(3),
        Enum.Parse<ActionStatus>(reader.GetString(4), ignoreCase: true),
        reader.GetInt32(5),
        reader.IsDBNull(6) ? null : reader.GetString(6),
        reader.IsDBNull(7) ? null : reader.GetString(7),
        reader.IsDBNull(8) ? null : reader.GetString(8),
        reader.IsDBNull(9) ? null : reader.GetInt64(9),
        reader.IsDBNull(10) ? null : reader.GetInt64(10),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(11)));
}
