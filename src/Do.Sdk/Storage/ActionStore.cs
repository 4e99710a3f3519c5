using Microsoft.Data.Sqlite;

namespace Do.Storage;

/// <summary>
/// The action log: every write and every verb call, with its durability, status and outcome. An action that wrote a
/// version in its own transaction is folded into that version's row (schema 16, <see cref="ThingStore.Append"/>); the
/// others are rows of <c>stored_actions</c>. Reads go through the view <c>actions</c>, which shows both; an open action
/// is always stored.
/// </summary>
internal sealed class ActionStore
{
    private const string Columns = "id, verb, actor, target, input, output, before_version, after_version, durability, status, attempts, error, created_at, completed_at";
    private const string Select = "SELECT " + Columns + " FROM actions";
    private readonly ObjectDatabase _db;

    internal ActionStore(ObjectDatabase db) => _db = db;

    /// <summary>One action by id, or null.</summary>
    public ActionRecord? Get(long id)
        => Read(_db.Command(Select + " WHERE id = $id").Bind("$id", id)) is [var action, ..] ? action : null;

    /// <summary>Actions, newest first, optionally only those on one target or in one status.</summary>
    public IReadOnlyList<ActionRecord> List(string? target = null, ActionStatus? status = null, int limit = 1000)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var command = _db.Command(Select + " WHERE ($target IS NULL OR target = $target) AND ($status IS NULL OR status = $status) ORDER BY id DESC LIMIT $limit");
        return Read(command.Bind("$target", target).Bind("$status", status is null ? null : ToText(status.Value)).Bind("$limit", limit));
    }

    /// <summary>
    /// The WHERE of the partial index <c>actions_open</c> (migration 11), word for word: the planner uses a partial index
    /// for a query whose WHERE contains the index's own, and an OR chain, unlike an IN list of three values, costs no
    /// temporary b-tree on every write of an action.
    /// </summary>
    internal const string OpenWhere = "(status = 'pending' OR status = 'running' OR status = 'retrying')";

    /// <summary>Actions not yet finished: pending, running or retrying, oldest first.</summary>
    public IReadOnlyList<ActionRecord> Open()
        => Read(_db.Command(OpenSql));

    private const string OpenSql = "SELECT " + Columns + " FROM stored_actions WHERE " + OpenWhere + " ORDER BY id";

    /// <summary>Whether any action is open: one seek into the partial index of open actions (see <see cref="EventStore.AnyUndispatched"/>).</summary>
    internal bool AnyOpen()
    {
        using var query = _db.Once("SELECT EXISTS (SELECT 1 FROM stored_actions WHERE " + OpenWhere + ")");
        return query.ExecuteScalar() is 1L;
    }

    /// <summary>Inserts a completed action that wrote no version (a <c>Try</c>, a lifecycle operation) and returns its id.</summary>
    internal long InsertCompleted(string verb, string? actor, string target, long? nounId, long branch, string? input, Durability durability, long now, string? output = null)
    {
        var insert = _db.Statement($"""
            INSERT INTO stored_actions (id, verb, actor, target, noun, branch, input, output, durability, status, attempts, created_at, updated_at, completed_at)
            VALUES ({ObjectDatabase.NextSequence}, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'completed', 1, ?10, ?10, ?10)
            """)
            .Bind(1, _db.SequenceFloor).Bind(2, verb).Bind(3, actor).Bind(4, target).Bind(5, nounId).Bind(6, branch)
            .Bind(7, input).Bind(8, output).Bind(9, ToText(durability)).Bind(10, now);
        insert.Execute();
        return _db.SequenceWritten(_db.LastInsertRowId);
    }

    /// <summary>Persists a durable action before it runs. Autocommits unless a transaction is open.</summary>
    internal long InsertPending(string verb, string? actor, string target, long? nounId, long branch, string? input, long? before, Durability durability)
    {
        var now = _db.NowMilliseconds();
        var insert = _db.Command($"""
            INSERT INTO stored_actions (id, verb, actor, target, noun, branch, input, before_version, durability, status, attempts, created_at, updated_at)
            VALUES ({ObjectDatabase.NextSequenceNamed}, $verb, $actor, $target, $noun, $branch, $input, $before, $durability, 'pending', 0, $now, $now)
            """);
        insert.Bind("$floor", _db.SequenceFloor).Bind("$verb", verb).Bind("$actor", actor).Bind("$target", target).Bind("$noun", nounId).Bind("$branch", branch)
            .Bind("$input", input).Bind("$before", before).Bind("$durability", ToText(durability)).Bind("$now", now);
        insert.ExecuteNonQuery();
        return _db.SequenceWritten(_db.LastInsertRowId);
    }

    /// <summary>Moves an open action to <paramref name="status"/>, recording the attempt count and last error.</summary>
    internal void SetStatus(long id, ActionStatus status, int attempts, string? error)
    {
        var now = _db.NowMilliseconds();
        _db.Command("UPDATE stored_actions SET status = $status, attempts = $attempts, error = $error, updated_at = $now, completed_at = CASE WHEN $status IN ('completed', 'failed') THEN $now ELSE completed_at END WHERE id = $id")
            .Bind("$status", ToText(status)).Bind("$attempts", attempts).Bind("$error", error).Bind("$now", now).Bind("$id", id)
            .ExecuteNonQuery();
    }

    /// <summary>Completes an open action with the version it wrote. Must run in the write's transaction.</summary>
    internal void Complete(long id, long? before, long after, int attempts, long now, string? output = null)
    {
        _db.Command("UPDATE stored_actions SET status = 'completed', before_version = $before, after_version = $after, output = $output, attempts = $attempts, error = NULL, updated_at = $now, completed_at = $now WHERE id = $id")
            .Bind("$before", before).Bind("$after", after).Bind("$output", output).Bind("$attempts", attempts).Bind("$now", now).Bind("$id", id)
            .ExecuteNonQuery();
    }

    /// <summary>Completes an open action that changes no thing, recording its output. Must run in a transaction.</summary>
    internal void CompleteWithOutput(long id, string? output, int attempts)
    {
        var now = _db.NowMilliseconds();
        _db.Command("UPDATE stored_actions SET status = 'completed', output = $output, attempts = $attempts, error = NULL, updated_at = $now, completed_at = $now WHERE id = $id")
            .Bind("$output", output).Bind("$attempts", attempts).Bind("$now", now).Bind("$id", id)
            .ExecuteNonQuery();
    }

    /// <summary>Records an action that failed without ever being pending (a <c>Try</c>).</summary>
    internal long InsertFailed(string verb, string target, long? nounId, long branch, string? input, Durability durability, string error)
    {
        var now = _db.NowMilliseconds();
        var insert = _db.Command($"""
            INSERT INTO stored_actions (id, verb, target, noun, branch, input, durability, status, attempts, error, created_at, updated_at, completed_at)
            VALUES ({ObjectDatabase.NextSequenceNamed}, $verb, $target, $noun, $branch, $input, $durability, 'failed', 1, $error, $now, $now, $now)
            """);
        insert.Bind("$floor", _db.SequenceFloor).Bind("$verb", verb).Bind("$target", target).Bind("$noun", nounId).Bind("$branch", branch).Bind("$input", input)
            .Bind("$durability", ToText(durability)).Bind("$error", error).Bind("$now", now);
        insert.ExecuteNonQuery();
        return _db.SequenceWritten(_db.LastInsertRowId);
    }

    /// <summary>The noun key of an action, when it targets a thing.</summary>
    internal long? NounOf(long id) => _db.Command("SELECT noun FROM actions WHERE id = $id").Bind("$id", id).ExecuteScalar() as long?;

    internal static string ToText(Durability durability) => durability switch
    {
        Durability.Send => "send",
        Durability.Try => "try",
        _ => "do",
    };

    internal static string ToText(ActionStatus status) => status switch
    {
        ActionStatus.Pending => "pending",
        ActionStatus.Running => "running",
        ActionStatus.Completed => "completed",
        ActionStatus.Failed => "failed",
        ActionStatus.Undone => "undone",
        ActionStatus.Waiting => "waiting",
        _ => "retrying",
    };

    private static List<ActionRecord> Read(SqliteCommand command)
    {
        var result = new List<ActionRecord>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result.Add(new ActionRecord
            {
                Id = reader.GetInt64(0),
                Verb = reader.GetString(1),
                Actor = reader.IsDBNull(2) ? null : reader.GetString(2),
                Target = reader.GetString(3),
                Input = reader.IsDBNull(4) ? null : reader.GetString(4),
                Output = reader.IsDBNull(5) ? null : reader.GetString(5),
                BeforeVersion = reader.IsDBNull(6) ? null : reader.GetInt64(6),
                AfterVersion = reader.IsDBNull(7) ? null : reader.GetInt64(7),
                Durability = reader.GetString(8) switch { "send" => Durability.Send, "try" => Durability.Try, _ => Durability.Do },
                Status = reader.GetString(9) switch
                {
                    "pending" => ActionStatus.Pending,
                    "running" => ActionStatus.Running,
                    "completed" => ActionStatus.Completed,
                    "failed" => ActionStatus.Failed,
                    "undone" => ActionStatus.Undone,
                    "waiting" => ActionStatus.Waiting,
                    _ => ActionStatus.Retrying,
                },
                Attempts = (int)reader.GetInt64(10),
                Error = reader.IsDBNull(11) ? null : reader.GetString(11),
                CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(12)),
                CompletedAt = reader.IsDBNull(13) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(13)),
            });
        }

        return result;
    }
}
