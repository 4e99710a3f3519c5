using System.Text;
using System.Text.Json;
using Do.Storage;

namespace Do.Lifecycle;

internal sealed partial class LifecycleOperations
{
    // Versions to keep: the head of every live thing on main.
    private const string Keep = "SELECT p.version FROM tip AS p JOIN things AS t ON t.version = p.version WHERE p.branch = 1 AND t.deleted = 0";

    // An event that stays (not yet dispatched, or dead-lettered and so replayable) keeps its action: a dead letter
    // without its event, or an event without its action, would break the outbox (an event derived from an action is
    // kept by keeping the action).
    private const string ActionsOfKeptEvents = "SELECT action FROM events WHERE action IS NOT NULL AND (dispatched_at IS NULL OR sequence IN (SELECT event FROM dead_letters))";

    private const string ArchivedMainActions = $"""
        SELECT id FROM actions WHERE branch = 1 AND status NOT IN ('pending', 'running', 'retrying', 'waiting')
          AND (after_version IS NULL OR after_version NOT IN ({Keep}))
          AND id NOT IN ({ActionsOfKeptEvents})
        """;

    private const string ArchivedMainEvents = $"""
        SELECT sequence FROM events WHERE dispatched_at IS NOT NULL
          AND (action IS NULL OR action IN ({ArchivedMainActions}))
          AND sequence NOT IN (SELECT event FROM dead_letters)
        """;

    // A forced compaction drops every other branch with everything recorded on it, dead letters included.
    private const string BranchActions = "SELECT id FROM actions WHERE branch != 1";
    private const string BranchEvents = $"SELECT sequence FROM events WHERE action IN ({BranchActions})";
    private const string BranchDeadLetters = $"SELECT id FROM dead_letters WHERE event IN ({BranchEvents})";

    /// <summary>
    /// Squashes history to HEAD rows (same version ids), archiving older actions and events to a JSON-lines file next
    /// to the database, then vacuums. The archive is written under a temporary name and moved into place only after
    /// the deletion committed, so a failed compaction leaves neither a file nor a changed byte behind.
    /// </summary>
    public CompactResult Compact(bool force)
    {
        var others = db.Branches.Names().Where(n => n != "main").ToList();
        if (others.Count > 0 && !force)
        {
            throw new InvalidOperationException($"{db.Namespace} has other branches ({string.Join(", ", others)}); compacting would cut them off from their history. Merge them and delete them with DeleteBranch(name) first, or call Compact(force: true) to drop them.");
        }

        if (db.Branches.DetachedAt is not null && !force)
        {
            throw new InvalidOperationException($"{db.Namespace} has the read-only view {db.Branches.CheckedOut} checked out; check out main before compacting.");
        }

        if (force)
        {
            RefuseOpenActions(BranchActions, "on the branches being dropped");
        }

        long rowsBefore = CountRows();
        long bytesBefore = FileBytes();
        var archivedActionIds = IdsOf(force ? $"{ArchivedMainActions} UNION {BranchActions}" : ArchivedMainActions);
        var archivedEventIds = IdsOf(force ? $"{ArchivedMainEvents} UNION {BranchEvents}" : ArchivedMainEvents);
        var droppedLetters = force ? IdsOf(BranchDeadLetters) : [];

        var lines = new List<string>();
        foreach (var action in db.Actions.List(limit: int.MaxValue).Where(a => archivedActionIds.Contains(a.Id)).OrderBy(a => a.Id))
        {
            lines.Add(JsonLine("action", action.Id, w =>
            {
                w.WriteString("verb", action.Verb);
                w.WriteString("target", action.Target);
                w.WriteString("status", action.Status.ToString().ToLowerInvariant());
                w.WriteString("durability", action.Durability.ToString().ToLowerInvariant());
                WriteRaw(w, "input", action.Input);
                WriteRaw(w, "output", action.Output);
                w.WriteNumber("attempts", action.Attempts);
                if (action.Error is not null)
                {
                    w.WriteString("error", action.Error);
                }

                w.WriteString("createdAt", action.CreatedAt);
            }));
        }

        foreach (var e in db.Events.List(limit: int.MaxValue).Where(e => archivedEventIds.Contains(e.Sequence)))
        {
            lines.Add(JsonLine("event", e.Sequence, w =>
            {
                w.WriteString("type", e.Type);
                w.WriteString("source", e.Source);
                WriteRaw(w, "data", e.Data);
                if (e.ActionId is long actionId)
                {
                    w.WriteNumber("action", actionId);
                }

                w.WriteString("at", e.At);
            }));
        }

        foreach (var letter in new Events.DeadLetterStore(db).List(includeReplayed: true).Where(d => droppedLetters.Contains(d.Id)))
        {
            lines.Add(JsonLine("deadLetter", letter.Id, w =>
            {
                w.WriteNumber("event", letter.Event.Sequence);
                w.WriteString("handler", letter.Handler);
                w.WriteString("error", letter.Error);
                w.WriteNumber("attempts", letter.Attempts);
            }));
        }

        string? archive = null;
        string? partial = null;
        if (lines.Count > 0)
        {
            archive = db.Path + "." + db.Time.GetUtcNow().ToString("yyyyMMdd'T'HHmmssfff'Z'", System.Globalization.CultureInfo.InvariantCulture) + ".archive.jsonl";
            partial = archive + ".partial";
            using var stream = new FileStream(partial, FileMode.Create, FileAccess.Write);
            stream.Write(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"));
            stream.Flush(flushToDisk: true);
        }

        try
        {
            db.InCheckedTransaction(() =>
            {
                if (force)
                {
                    db.Command($"DELETE FROM dead_letters WHERE id IN ({BranchDeadLetters})").ExecuteNonQuery();
                }

                db.RaiseRowIdFloors(); // compaction may archive the newest rows: their ids stay used
                DeleteIds("stored_events", "sequence", archivedEventIds);
                DeleteIds("stored_actions", "id", archivedActionIds); // with them the events derived from them
                // A folded action goes with its version, below; its archived event goes now, so that it is not kept.
                var dropEvent = db.Command("UPDATE things SET event = NULL, dispatched_at = NULL WHERE version = $id AND event IS NOT NULL");
                foreach (var id in archivedEventIds)
                {
                    dropEvent.Bind("$id", id).ExecuteNonQuery();
                }

                // An event that stays keeps its data: one whose data is derived from its version's row gets a copy
                // of it before that row goes, and one derived from its action becomes a stored event (same sequence).
                db.Command($"""
                    INSERT INTO stored_events (sequence, type, source, noun, thing, version, action, data, created_at, dispatched_at)
                    SELECT e.sequence, e.type, $ns || '/' || e.source, e.noun, e.thing, e.version, e.action, {EventStore.DataColumn}, e.created_at, e.dispatched_at
                    FROM ({EventStore.DerivedRows($"a.after_version NOT IN ({Keep})", $"t.version NOT IN ({Keep})")}) AS e
                    """).Bind("$ns", db.Namespace.Value).ExecuteNonQuery();
                db.Command($"UPDATE stored_actions SET event = NULL, dispatched_at = NULL WHERE event IS NOT NULL AND after_version NOT IN ({Keep})").ExecuteNonQuery();
                UnfoldKeptActions(archivedActionIds);
                db.Command($"UPDATE stored_events SET data = (SELECT t.data FROM things AS t WHERE t.version = stored_events.version) WHERE data IS NULL AND version IS NOT NULL AND version NOT IN ({Keep})").ExecuteNonQuery();
                db.Command($"DELETE FROM things WHERE version NOT IN ({Keep})").ExecuteNonQuery();
                if (force)
                {
                    // Newest first: a branch's children were created after it and refer to it as their parent.
                    db.Command("DELETE FROM meta WHERE key LIKE 'merged:%'").ExecuteNonQuery();
                    foreach (var branch in IdsOf("SELECT id FROM branches WHERE id != 1").OrderDescending())
                    {
                        db.Command("DELETE FROM branches WHERE id = $id").Bind("$id", branch).ExecuteNonQuery();
                    }
                }

                db.Command("INSERT INTO meta (key, value) VALUES ($k, 'main') ON CONFLICT (key) DO UPDATE SET value = 'main'").Bind("$k", CheckoutKey).ExecuteNonQuery();
                db.Things.RepairChains();
                db.RefreshRowIdFloors();
            });
        }
        catch
        {
            if (partial is not null)
            {
                File.Delete(partial);
            }

            throw;
        }

        if (partial is not null)
        {
            File.Move(partial, archive!);
        }

        db.Branches.ForgetAllButMain();
        db.Things.ForgetHeads(); // tombstoned things left the log entirely
        db.SearchIndex.Reconcile(); // a forced compaction may have left a branch for main
        db.Execute("VACUUM");
        db.TruncateLog();
        var result = new CompactResult(rowsBefore, CountRows(), bytesBefore, FileBytes(), archivedActionIds.Count, archivedEventIds.Count, archive);
        db.InTransaction(() => Record(
            "compact",
            LifecycleJson.Compact(result, archive is null ? null : Path.GetFileName(archive)),
            "compact.completed"));
        return result;
    }

    /// <summary>
    /// A folded action whose version goes but which stays itself (an event of it is kept: see
    /// <see cref="ActionsOfKeptEvents"/>) becomes a stored action with the same id, its event already a stored event.
    /// The view <c>actions</c> reads the folded row as an action row.
    /// </summary>
    private void UnfoldKeptActions(HashSet<long> archived)
    {
        const string Copied = "id, verb, actor, target, noun, branch, input, output, before_version, after_version, durability, status, attempts, created_at, updated_at, completed_at";
        var unfold = db.Command($"INSERT INTO stored_actions ({Copied}) SELECT {Copied} FROM actions WHERE id = $id");
        foreach (var id in IdsOf($"SELECT version FROM things WHERE verb IS NOT NULL AND version NOT IN ({Keep})"))
        {
            if (!archived.Contains(id))
            {
                unfold.Bind("$id", id).ExecuteNonQuery();
            }
        }
    }

    private void RefuseOpenActions(string actionsSql, string where)
    {
        var open = IdsOf($"SELECT id FROM actions WHERE id IN ({actionsSql}) AND status IN ('pending', 'running', 'retrying', 'waiting')");
        if (open.Count > 0)
        {
            throw new InvalidOperationException($"{db.Namespace} has actions still in progress {where} ({string.Join(", ", open.Order())}); let them finish or fail first.");
        }
    }

    private void DeleteIds(string table, string column, HashSet<long> ids)
    {
        var command = db.Command($"DELETE FROM {table} WHERE {column} = $id");
        foreach (var id in ids)
        {
            command.Bind("$id", id).ExecuteNonQuery();
        }
    }

    private HashSet<long> IdsOf(string sql)
    {
        var ids = new HashSet<long>();
        using var reader = db.Command(sql).ExecuteReader();
        while (reader.Read())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    private long CountRows()
        => (long)db.Command("SELECT (SELECT COUNT(*) FROM things) + (SELECT COUNT(*) FROM actions) + (SELECT COUNT(*) FROM events)").ExecuteScalar()!;

    private long FileBytes()
    {
        long total = 0;
        foreach (var suffix in new[] { "", "-wal" })
        {
            var file = new FileInfo(db.Path + suffix);
            if (file.Exists)
            {
                total += file.Length;
            }
        }

        return total;
    }

    private static string JsonLine(string kind, long id, Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("kind", kind);
            writer.WriteNumber("id", id);
            body(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteRaw(Utf8JsonWriter writer, string name, string? json)
    {
        if (json is not null)
        {
            writer.WritePropertyName(name);
            writer.WriteRawValue(json);
        }
    }
}
