using Do.Execution;
using Do.Storage;

namespace Do.Lifecycle;

/// <summary>
/// Undo and redo of a thing write, field by field: undo puts back the before-value of each top-level field the action
/// changed (a create is undone by a delete, a delete by restoring the thing), redo puts back its after-values. Each is
/// an action of its own (verb <c>undo</c>/<c>redo</c>, event <c>{Noun}.undone</c>/<c>{Noun}.redone</c>) on the
/// checked-out branch; the original action is marked <c>undone</c> (or <c>completed</c> again).
/// </summary>
internal static class UndoOperations
{
    public static ActionInfo Undo(ObjectDatabase db, long actionId, bool force, string actor) => Apply(db, actionId, force, actor, undo: true);

    public static ActionInfo Redo(ObjectDatabase db, long actionId, bool force, string actor) => Apply(db, actionId, force, actor, undo: false);

    private static ActionInfo Apply(ObjectDatabase db, long actionId, bool force, string actor, bool undo)
    {
        db.Branches.RequireWritable();
        var action = Read(db, actionId);
        var expected = undo ? "completed" : "undone";
        if (action.Status != expected || action.NounId is null || action.After is null)
        {
            var why = action.NounId is null || action.After is null
                ? "it changed no thing (only thing writes can be undone)"
                : $"it is {action.Status}; {(undo ? "only completed actions can be undone" : "only undone actions can be redone")}";
            throw new InvalidOperationException($"Action {actionId} ({action.Verb} on \"{action.Target}\") cannot be {(undo ? "undone" : "redone")}: {why}.");
        }

        var noun = db.NounName(action.NounId.Value);
        var before = action.Before is long b ? Version(db, b) : null;
        var after = Version(db, action.After.Value);
        var head = db.Things.Head(action.NounId.Value, noun, action.Target, db.Branches.Current);

        // What the action changed, and the value each field must have now for the change to still be the latest.
        var from = JsonFields.Parse(before);
        var to = JsonFields.Parse(after);
        var now = JsonFields.Parse(head is { Deleted: false } ? head.Data : null);
        var (restore, expect) = undo ? (from, to) : (to, from);
        var restoreLive = undo ? before is not null : after is not null;
        var expectLive = undo ? after is not null : before is not null;
        var changed = JsonFields.Union(from, to).Where(f => JsonFields.Find(from, f) != JsonFields.Find(to, f)).ToList();

        var conflicts = new List<FieldChange>();
        if ((head is { Deleted: false }) != expectLive)
        {
            conflicts.Add(new FieldChange("$deleted", expectLive ? "false" : "true", head is { Deleted: false } ? "false" : "true"));
        }
        else
        {
            foreach (var field in changed)
            {
                if (JsonFields.Find(now, field) is var current && current != JsonFields.Find(expect, field))
                {
                    conflicts.Add(new FieldChange(field, JsonFields.Find(expect, field), current));
                }
            }
        }

        if (conflicts.Count > 0 && !force)
        {
            throw new UndoConflictException(actionId, action.Target, conflicts);
        }

        string? json;
        if (!restoreLive)
        {
            json = null;
        }
        else if (head is not { Deleted: false })
        {
            json = undo ? before : after; // bring the thing back as it was
        }
        else
        {
            var fields = now.Where(f => !changed.Contains(f.Key)).ToList();
            foreach (var field in JsonFields.Union(restore, now))
            {
                if (changed.Contains(field) && JsonFields.Find(restore, field) is { } value)
                {
                    fields.Add(new(field, value));
                }
            }

            // Keep the thing's own field order: fields in the order HEAD had them, new ones after.
            var order = JsonFields.Union(now, restore);
            json = JsonFields.Write(fields.OrderBy(f => order.IndexOf(f.Key)));
        }

        var input = NounJson.WriteObject(actionId, static (w, id) => w.WriteNumber("action", id));
        var options = new WriteOptions { Verb = undo ? "undo" : "redo", Event = undo ? "undone" : "redone", Input = input, Actor = actor };
        long written = 0;
        db.InTransaction(() =>
        {
            var record = db.Things.Append(action.NounId.Value, noun, action.Target, json, head, options.Verb, options.Event, options, json ?? head?.Data);
            // The action is folded into the version it wrote (status NULL for completed) or a stored one.
            if (db.Command("UPDATE things SET status = $status WHERE version = $id AND verb IS NOT NULL").Bind("$status", undo ? "undone" : null).Bind("$id", actionId).ExecuteNonQuery() == 0)
            {
                db.Command("UPDATE stored_actions SET status = $status WHERE id = $id").Bind("$status", undo ? "undone" : "completed").Bind("$id", actionId).ExecuteNonQuery();
            }

            written = record.Version;
        });
        return ActionQueries.List(db, new ActionFilter { Target = action.Target, Limit = 1 }) is [var last] && last.AfterVersion == written
            ? last
            : throw new InvalidOperationException($"The {options.Verb} of action {actionId} was written at v{written}, but its action row was not found.");
    }

    private static string? Version(ObjectDatabase db, long version)
    {
        var command = db.Command("SELECT data FROM things WHERE version = $v").Bind("$v", version);
        return command.ExecuteScalar() as string;
    }

    private static Row Read(ObjectDatabase db, long actionId)
    {
        var command = db.Command("SELECT verb, target, noun, before_version, after_version, status FROM actions WHERE id = $id").Bind("$id", actionId);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            throw new ArgumentException($"There is no action {actionId} in {db.Namespace}. Read the log with client.Actions() for valid ids.", nameof(actionId));
        }

        return new Row(
            reader.GetString(0),
            reader.GetString(1),
            reader.IsDBNull(2) ? null : reader.GetInt64(2),
            reader.IsDBNull(3) ? null : reader.GetInt64(3),
            reader.IsDBNull(4) ? null : reader.GetInt64(4),
            reader.GetString(5));
    }

    private sealed record Row(string Verb, string Target, long? NounId, long? Before, long? After, string Status);
}
