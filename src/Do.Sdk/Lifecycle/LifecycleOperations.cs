using System.Text.Json;
using Do.Storage;

namespace Do.Lifecycle;

/// <summary>
/// Branch, checkout, merge, diff and compact on one object's database. Each operation that changes the object runs
/// in one transaction and records an action and an event; a merge with conflicts writes nothing at all.
/// </summary>
internal sealed partial class LifecycleOperations(ObjectDatabase db)
{
    public const string CheckoutKey = "checkout";

    /// <summary>Creates a branch at the current head (copy-on-write); records <c>branch.created</c>.</summary>
    public string Branch(string name)
        => db.InTransaction(() =>
        {
            db.Branches.RequireWritable();
            var id = db.Branches.Create(name);
            var (_, fork) = db.Branches.Origin(id);
            Record("branch", LifecycleJson.Branch(name, db.Branches.CheckedOut, fork), "branch.created");
            return name;
        });

    /// <summary>
    /// Checks out a branch (<c>experiment</c>, <c>@experiment</c>, <c>main</c>), making later writes go there, or a
    /// read-only view: a version (<c>@v12</c>), an ancestor of the branch head (<c>@~1</c>) or a time.
    /// </summary>
    public string Checkout(string reference)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        var text = reference.StartsWith('@') ? reference : "@" + reference;
        Ref parsed;
        try
        {
            parsed = Ref.Parse(text);
        }
        catch (InvalidRefException e)
        {
            throw new InvalidRefException(reference, "Checkout takes a branch (experiment, @experiment, main) or a view (@v1234, @~1, @2026-11-23T09:00:00Z): " + e.Reason);
        }

        // A view is taken relative to the branch that is checked out (its head when detached).
        var branch = db.Branches.Current;
        long? view;
        switch (parsed.Kind)
        {
            case RefKind.Branch:
                branch = db.Branches.Resolve(parsed.Branch!, parsed);
                view = null;
                break;
            case RefKind.Version:
                var exists = db.Command("SELECT 1 FROM things WHERE version = $v").Bind("$v", parsed.Version).ExecuteScalar() is not null;
                view = exists ? parsed.Version : throw new RefNotFoundException(reference, $"there is no version v{parsed.Version} in {db.Namespace}");
                break;
            case RefKind.Ancestor:
                var scope = db.Branches.Scope(branch, cap: long.MaxValue);
                var nth = db.Command($"SELECT version FROM things WHERE {scope.Sql} ORDER BY version DESC LIMIT 1 OFFSET $n");
                scope.Bind(nth);
                view = nth.Bind("$n", parsed.Back).ExecuteScalar() as long?
                       ?? throw new RefNotFoundException(reference, $"branch \"{db.Branches.NameOf(branch)}\" has fewer than {parsed.Back + 1} versions");
                break;
            default:
                var asOf = db.Branches.Scope(branch, "t.", cap: long.MaxValue);
                var at = db.Command($"SELECT MAX(t.version) FROM things AS t LEFT JOIN stored_actions AS a ON a.id = t.action AND t.verb IS NULL WHERE ({asOf.Sql}) AND coalesce(t.at, a.completed_at) <= $time");
                asOf.Bind(at);
                view = at.Bind("$time", parsed.AsOf.ToUnixTimeMilliseconds()).ExecuteScalar() as long? ?? 0;
                break;
        }

        db.Branches.Current = branch;
        db.Branches.DetachedAt = view;
        db.SearchIndex.Reconcile(); // the index follows HEAD of what is checked out
        var saved = db.Branches.CheckedOut;
        db.Command("INSERT INTO meta (key, value) VALUES ($k, $v) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
            .Bind("$k", CheckoutKey).Bind("$v", view is null ? saved : $"{db.Branches.NameOf(branch)}@v{view}").ExecuteNonQuery();
        return saved;
    }

    /// <summary>Restores the checkout saved in the file (called when the database opens).</summary>
    public void RestoreCheckout()
    {
        string? saved;
        using (var read = db.Once("SELECT value FROM meta WHERE key = $k"))
        {
            saved = read.Bind("$k", CheckoutKey).ExecuteScalar() as string;
        }

        if (saved is null)
        {
            return;
        }

        int at = saved.IndexOf("@v", StringComparison.Ordinal);
        var branchName = at < 0 ? saved : saved[..at];
        using var find = db.Once("SELECT id FROM branches WHERE name = $n");
        var branch = find.Bind("$n", branchName).ExecuteScalar() as long?;
        db.Branches.Current = branch ?? ObjectSchema.MainBranch;
        db.Branches.DetachedAt = at < 0 || branch is null ? null : long.Parse(saved.AsSpan(at + 2), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Three-way merge of <paramref name="branchName"/> into the checked-out branch; see <see cref="MergeStrategy"/>.</summary>
    public MergeResult Merge(string branchName, MergeStrategy strategy, out IReadOnlyList<MergeConflict> conflicts)
    {
        var target = db.Branches.RequireWritable();
        var source = db.Branches.Resolve(branchName);
        var targetName = db.Branches.NameOf(target);
        if (source == target)
        {
            throw new InvalidOperationException($"\"{branchName}\" is the branch checked out in {db.Namespace}; check out the branch to merge into first.");
        }

        var fork = ForkPoint(source, target)
            ?? throw new InvalidOperationException($"\"{branchName}\" and \"{targetName}\" of {db.Namespace} do not descend from one another; merge works between a branch and its ancestors.");

        var ours = db.Branches.Scope(target, cap: long.MaxValue);
        var theirs = db.Branches.Scope(source, cap: long.MaxValue);
        var baseScope = db.Branches.Scope(target, cap: fork);
        var changedThings = ChangedSince(fork, ours, theirs);

        var writes = new List<(long Noun, string Id, string? Json, ThingRecord? Head)>();
        var found = new List<MergeConflict>();
        foreach (var (nounId, id) in changedThings)
        {
            var noun = db.NounName(nounId);
            var b = Data(nounId, id, baseScope);
            var o = HeadRow(nounId, id, ours);
            var t = Data(nounId, id, theirs);
            var oData = o is { Deleted: false } ? o.Data : null;
            if (t == b || t == oData)
            {
                continue;
            }

            if (oData == b)
            {
                writes.Add((nounId, id, t, o));
                continue;
            }

            if (t is null || oData is null)
            {
                var conflict = new MergeConflict(noun, id, "$deleted", b, oData, t);
                if (strategy == MergeStrategy.Theirs)
                {
                    writes.Add((nounId, id, t, o));
                }

                found.Add(conflict);
                continue;
            }

            var merged = MergeFields(noun, id, b, oData, t, strategy, found);
            if (merged != oData)
            {
                writes.Add((nounId, id, merged, o));
            }
        }

        conflicts = found;
        if (found.Count > 0 && strategy == MergeStrategy.None)
        {
            return new MergeResult(branchName, targetName, 0, []);
        }

        return db.InTransaction(() =>
        {
            var options = new WriteOptions { Verb = "merge", Event = "merged", Input = LifecycleJson.MergeInput(branchName) };
            foreach (var (nounId, id, json, head) in writes)
            {
                var noun = db.NounName(nounId);
                if (json is null)
                {
                    if (head is { Deleted: false })
                    {
                        db.Things.Append(nounId, noun, id, null, head, "merge", "deleted", options, head.Data);
                    }
                }
                else
                {
                    db.Things.Append(nounId, noun, id, json, head, "merge", head is { Deleted: false } ? "merged" : "created", options, json);
                }
            }

            var summary = LifecycleJson.Merge(branchName, targetName, writes.Count, found.Count, strategy);
            Record("merge", summary, "merge.completed");
            MarkMerged(source);
            return new MergeResult(branchName, targetName, writes.Count, found);
        });
    }

    /// <summary>A field-level diff of a thing between two refs (either may be absent or deleted).</summary>
    public IReadOnlyList<FieldChange> Diff(string noun, string refA, string refB)
    {
        var a = db.Things.Get(noun, refA);
        var b = db.Things.Get(noun, refB);
        var aData = a is { Deleted: false } ? a.Data : null;
        var bData = b is { Deleted: false } ? b.Data : null;
        if ((aData is null) != (bData is null))
        {
            return [new FieldChange("$deleted", aData, bData)];
        }

        var before = JsonFields.Parse(aData);
        var after = JsonFields.Parse(bData);
        var changes = new List<FieldChange>();
        foreach (var field in JsonFields.Union(before, after))
        {
            var x = JsonFields.Find(before, field);
            var y = JsonFields.Find(after, field);
            if (x != y)
            {
                changes.Add(new FieldChange(field, x, y));
            }
        }

        return changes;
    }

    /// <summary>HEAD of every live thing visible in the current view, for a fork.</summary>
    public List<(string Noun, string Id, string Json)> Snapshot()
    {
        var scope = db.Branches.Scope(db.Branches.Current);
        var command = db.Command($"""
            WITH RECURSIVE {ThingStore.HeadsOf(scope, "1")}
            SELECT n.name, t.id, t.data
            FROM heads AS h CROSS JOIN things AS t ON t.version = h.version JOIN nouns AS n ON n.id = t.noun
            WHERE t.deleted = 0
            ORDER BY n.name, t.id
            """);
        scope.Bind(command);
        var rows = new List<(string, string, string)>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return rows;
    }

    /// <summary>Records a lifecycle operation as a completed action with its event. Must run in a transaction.</summary>
    public void Record(string verb, string data, string eventType)
    {
        var now = db.NowMilliseconds();
        var actionId = db.Actions.InsertCompleted(verb, null, "", null, db.Branches.Current, data, Durability.Do, now);
        db.Events.Append(eventType, db.Namespace.Value, null, null, null, actionId, data, now);
    }

    private long? ForkPoint(long source, long target)
    {
        // source descends from target: target appears in source's chain, capped at the fork.
        foreach (var (branch, upTo) in db.Branches.ChainOf(source))
        {
            if (branch == target)
            {
                return upTo;
            }
        }

        foreach (var (branch, upTo) in db.Branches.ChainOf(target))
        {
            if (branch == source)
            {
                return upTo;
            }
        }

        return null;
    }

    private List<(long Noun, string Id)> ChangedSince(long fork, BranchScope ours, BranchScope theirs)
    {
        var oursSql = ours.Sql.Replace("$b", "$ob", StringComparison.Ordinal).Replace("$f", "$of", StringComparison.Ordinal);
        var command = db.Command($"SELECT DISTINCT noun, id FROM things WHERE version > $fork AND (({oursSql}) OR ({theirs.Sql})) ORDER BY noun, id");
        command.Bind("$fork", fork);
        theirs.Bind(command);
        ours.Bind(command, "$ob", "$of");
        var result = new List<(long, string)>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result.Add((reader.GetInt64(0), reader.GetString(1)));
        }

        return result;
    }

    private ThingRecord? HeadRow(long nounId, string id, BranchScope scope) => db.Things.HeadIn(nounId, id, scope);

    private string? Data(long nounId, string id, BranchScope scope) => HeadRow(nounId, id, scope) is { Deleted: false } row ? row.Data : null;

    private static string MergeFields(string noun, string id, string? baseJson, string ours, string theirs, MergeStrategy strategy, List<MergeConflict> conflicts)
    {
        var b = JsonFields.Parse(baseJson);
        var o = JsonFields.Parse(ours);
        var t = JsonFields.Parse(theirs);
        var merged = new List<KeyValuePair<string, string>>();
        foreach (var field in JsonFields.Union(o, t, b))
        {
            var bv = JsonFields.Find(b, field);
            var ov = JsonFields.Find(o, field);
            var tv = JsonFields.Find(t, field);
            string? value;
            if (tv == bv || ov == tv)
            {
                value = ov;
            }
            else if (ov == bv)
            {
                value = tv;
            }
            else
            {
                conflicts.Add(new MergeConflict(noun, id, field, bv, ov, tv));
                value = strategy == MergeStrategy.Theirs ? tv : ov;
            }

            if (value is not null)
            {
                merged.Add(new(field, value));
            }
        }

        return JsonFields.Write(merged);
    }

}
