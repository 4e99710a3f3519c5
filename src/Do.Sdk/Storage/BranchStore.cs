namespace Do.Storage;

/// <summary>
/// Branches of the version log. Every database has <c>main</c>; creating, checking out and merging branches are
/// lifecycle operations built on this table without changing the schema.
/// </summary>
public sealed class BranchStore
{
    private readonly ObjectDatabase _db;
    private readonly Dictionary<long, (long Branch, long? UpTo)[]> _chains = [];

    internal BranchStore(ObjectDatabase db) => _db = db;

    /// <summary>The branch that reads and writes go to; <c>main</c> unless another is checked out.</summary>
    public long Current { get; internal set; } = ObjectSchema.MainBranch;

    /// <summary>Names of all branches, <c>main</c> first.</summary>
    public IReadOnlyList<string> Names()
    {
        var command = _db.Command("SELECT name FROM branches ORDER BY id");
        var names = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    /// <summary>The id of a branch by name.</summary>
    /// <exception cref="RefNotFoundException">No branch has that name.</exception>
    internal long Resolve(string name, Ref? reference = null)
    {
        var command = _db.Command("SELECT id FROM branches WHERE name = $name");
        command.Bind("$name", name);
        return command.ExecuteScalar() is long id
            ? id
            : throw new RefNotFoundException(reference?.ToString() ?? "@" + name, $"there is no branch \"{name}\" (branches: {string.Join(", ", Names())})");
    }

    /// <summary>The branch a write goes to; refuses when the current view is read-only.</summary>
    internal long RequireWritable() => Current;

    internal BranchScope Scope(long branch, string prefix = "")
        => new(Chain(branch), prefix);

    private (long Branch, long? UpTo)[] Chain(long branch)
    {
        if (_chains.TryGetValue(branch, out var chain))
        {
            return chain;
        }

        var list = new List<(long, long?)>();
        long? upTo = null;
        long? current = branch;
        var command = _db.Command("SELECT parent, fork_version FROM branches WHERE id = $id");
        while (current is long id)
        {
            list.Add((id, upTo));
            command.Bind("$id", id);
            using var reader = command.ExecuteReader();
            if (!reader.Read())
            {
                throw new StorageException($"Branch {id} is missing from {_db.Path}.");
            }

            current = reader.IsDBNull(0) ? null : reader.GetInt64(0);
            var fork = reader.IsDBNull(1) ? (long?)null : reader.GetInt64(1);
            upTo = upTo is null ? fork : Math.Min(upTo.Value, fork ?? long.MaxValue);
        }

        chain = [.. list];
        _chains[branch] = chain;
        return chain;
    }
}
