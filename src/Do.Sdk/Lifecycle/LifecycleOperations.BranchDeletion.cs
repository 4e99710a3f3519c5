using Do.Storage;

namespace Do.Lifecycle;

internal sealed partial class LifecycleOperations
{
    // meta key prefix: the newest version of a branch that a merge has carried into another branch.
    private const string MergedKeyPrefix = "merged:";

    /// <summary>
    /// Deletes a branch with its versions and everything recorded on it (actions, their events and dead letters);
    /// records <c>branch.deleted</c>. A merge keeps its source branch (work may go on there and be merged again), so
    /// deleting is how a branch is retired; one whose every version was merged needs no <paramref name="force"/>.
    /// </summary>
    public string DeleteBranch(string name, bool force)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name == "main")
        {
            throw new InvalidOperationException($"\"main\" is the first branch of {db.Namespace} and cannot be deleted; delete another branch (branches: {string.Join(", ", db.Branches.Names())}).");
        }

        var id = db.Branches.Resolve(name);
        if (id == db.Branches.Current)
        {
            throw new InvalidOperationException($"\"{name}\" is checked out in {db.Namespace}; check out another branch (e.g. main) before deleting it.");
        }

        var children = Names($"SELECT name FROM branches WHERE parent = {id} ORDER BY id");
        if (children.Count > 0)
        {
            throw new InvalidOperationException($"\"{name}\" has branches of its own in {db.Namespace} ({string.Join(", ", children)}), which read its versions; delete them first.");
        }

        var unmerged = UnmergedVersions(id);
        if (unmerged > 0 && !force)
        {
            throw new InvalidOperationException($"\"{name}\" has {unmerged} version(s) in {db.Namespace} that no merge carried into another branch; merge it first (Merge(\"{name}\")), or call DeleteBranch(\"{name}\", force: true) to discard them.");
        }

        var actions = $"SELECT id FROM actions WHERE branch = {id}";
        RefuseOpenActions(actions, $"on \"{name}\"");
        db.InCheckedTransaction(() =>
        {
            db.RaiseRowIdFloors(); // the branch may hold the newest versions, actions and events: their ids stay used
            db.Command($"DELETE FROM dead_letters WHERE event IN (SELECT sequence FROM events WHERE action IN ({actions}))").ExecuteNonQuery();
            db.Command($"DELETE FROM stored_events WHERE action IN ({actions})").ExecuteNonQuery(); // derived events go with their actions
            db.Command($"DELETE FROM stored_actions WHERE branch = {id}").ExecuteNonQuery(); // folded actions go with their versions
            db.Command($"DELETE FROM things WHERE branch = {id}").ExecuteNonQuery();
            db.Command($"DELETE FROM tip WHERE branch = {id}").ExecuteNonQuery();
            db.Command($"DELETE FROM branches WHERE id = {id}").ExecuteNonQuery();
            db.Command("DELETE FROM meta WHERE key = $k").Bind("$k", MergedKeyPrefix + id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ExecuteNonQuery();
            db.RefreshRowIdFloors();
            Record("branch", LifecycleJson.BranchDeleted(name, unmerged), "branch.deleted");
        });
        db.Branches.Forget(id);
        db.Things.ForgetHeads();
        return name;
    }

    /// <summary>Remembers that every version of <paramref name="branch"/> so far was merged (a later write is unmerged again).</summary>
    private void MarkMerged(long branch)
    {
        if (branch == ObjectSchema.MainBranch)
        {
            return;
        }

        db.Command("""
            INSERT INTO meta (key, value) VALUES ($k, (SELECT COALESCE(MAX(version), 0) FROM things WHERE branch = $b))
            ON CONFLICT (key) DO UPDATE SET value = excluded.value
            """).Bind("$k", MergedKeyPrefix + branch.ToString(System.Globalization.CultureInfo.InvariantCulture)).Bind("$b", branch).ExecuteNonQuery();
    }

    private long UnmergedVersions(long branch)
    {
        var merged = db.Command("SELECT CAST(value AS INTEGER) FROM meta WHERE key = $k")
            .Bind("$k", MergedKeyPrefix + branch.ToString(System.Globalization.CultureInfo.InvariantCulture)).ExecuteScalar() as long? ?? 0;
        return (long)db.Command("SELECT COUNT(*) FROM things WHERE branch = $b AND version > $m").Bind("$b", branch).Bind("$m", merged).ExecuteScalar()!;
    }

    private List<string> Names(string sql)
    {
        var names = new List<string>();
        using var reader = db.Command(sql).ExecuteReader();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
