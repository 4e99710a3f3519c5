namespace Do.Storage;

/// <summary>
/// Branches of the version log. Every database has <c>main</c>; creating, checking out and merging branches are
/// lifecycle operations built on this table without changing the schema.
/// </summary>
internal sealed class BranchStore
{
    private readonly ObjectDatabase _db;
    private readonly Dictionary<long, (long Branch, long? UpTo)[]> _chains = [];

    internal BranchStore(ObjectDatabase db) => _db = db;

    /// <summary>The branch that reads and writes go to; <c>main</c> unless another is checked out.</summary>
    public long Current { get; internal set; } = ObjectSchema.MainBranch;

    /// <summary>
    /// When a version or a time is checked out: the last version the read-only view shows. Null on a branch head,
    /// where writes are allowed.
    /// </summary>
    public long? DetachedAt { get; internal set; }

    /// <summary>What is checked out, as text: a branch name, or <c>@v{n}</c> for a detached view.</summary>
    public string CheckedOut => DetachedAt is long v ? $"@v{v}" : NameOf(Current);

    /// <summary>The name of branch <paramref name="id"/>.</summary>
    public string NameOf(long id)
        => _db.Command("SELECT name FROM branches WHERE id = $id").Bind("$id", id).ExecuteScalar() as string
           ?? throw new StorageException($"Branch {id} is missing from {_db.Path}.");

    /// <summary>
    /// Creates a branch of the current branch at its current head: copy-on-write, no rows are copied. The new branch
    /// sees the parent's rows up to this point, then only its own.
    /// </summary>
    /// <exception cref="InvalidBranchNameException">The name breaks git's rules for a single ref component.</exception>
    /// <exception cref="InvalidOperationException">The name is <c>main</c> or already exists, or a detached view is checked out.</exception>
    internal long Create(string name)
    {
        Ref.ValidateBranchName(name);
        if (DetachedAt is not null)
        {
            throw new InvalidOperationException($"Cannot branch from the detached view {CheckedOut} of {_db.Namespace}; check out a branch first.");
        }

        var existing = _db.Command("SELECT id FROM branches WHERE name = $name").Bind("$name", name).ExecuteScalar();
        if (existing is not null)
        {
            throw new InvalidOperationException(name == "main"
                ? "\"main\" is the object's first branch and always exists; pick another name, e.g. experiment."
                : $"A branch \"{name}\" already exists in {_db.Namespace}; pick another name or check it out.");
        }

        var fork = _db.Command("SELECT COALESCE(MAX(version), 0) FROM things").ExecuteScalar() as long? ?? 0;
        return (long)_db.Command("INSERT INTO branches (name, parent, fork_version, created_at) VALUES ($name, $parent, $fork, $now) RETURNING id")
            .Bind("$name", name).Bind("$parent", Current).Bind("$fork", fork).Bind("$now", _db.NowMilliseconds())
            .ExecuteScalar()!;
    }

    /// <summary>The parent and fork version of a branch; null parent for <c>main</c>.</summary>
    internal (long? Parent, long? ForkVersion) Origin(long id)
    {
        using var reader = _db.Command("SELECT parent, fork_version FROM branches WHERE id = $id").Bind("$id", id).ExecuteReader();
        return reader.Read()
            ? (reader.IsDBNull(0) ? null : reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetInt64(1))
            : throw new StorageException($"Branch {id} is missing from {_db.Path}.");
    }

    /// <summary>Forgets cached ancestry after a forced compaction deleted every branch but <c>main</c>, and checks out main.</summary>
    internal void ForgetAllButMain()
    {
        _chains.Clear();
        Current = ObjectSchema.MainBranch;
        DetachedAt = null;
    }

    /// <summary>Forgets the cached ancestry of a deleted branch.</summary>
    internal void Forget(long id) => _chains.Remove(id);

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
    /// <exception cref="DetachedWriteException">A version or a time is checked out.</exception>
    internal long RequireWritable()
        => DetachedAt is null ? Current : throw new DetachedWriteException(_db.Namespace.Value, CheckedOut, NameOf(Current));

    /// <summary>The rows visible on <paramref name="branch"/>, capped at the detached view when it is the current one.</summary>
    internal BranchScope Scope(long branch, string prefix = "", long? cap = null)
    {
        var chain = Chain(branch);
        cap ??= branch == Current ? DetachedAt : null;
        if (cap is long limit && limit != long.MaxValue)
        {
            var capped = new (long Branch, long? UpTo)[chain.Length];
            for (int i = 0; i < chain.Length; i++)
            {
                capped[i] = (chain[i].Branch, Math.Min(chain[i].UpTo ?? long.MaxValue, limit));
            }

            chain = capped;
        }

        return new(chain, prefix);
    }

    /// <summary>The branch and each ancestor, with the last version of each that <paramref name="branch"/> sees.</summary>
    internal IReadOnlyList<(long Branch, long? UpTo)> ChainOf(long branch) => Chain(branch);

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
