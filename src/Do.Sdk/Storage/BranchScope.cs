using Microsoft.Data.Sqlite;

namespace Do.Storage;

/// <summary>
/// The rows a branch can see: its own, plus each ancestor's up to the version it was forked at. Rendered as a SQL
/// predicate over <c>things.branch</c> and <c>things.version</c> with bound parameters.
/// </summary>
internal readonly struct BranchScope
{
    private readonly (long Branch, long? UpTo)[] _chain;

    public BranchScope((long Branch, long? UpTo)[] chain, string prefix)
    {
        _chain = chain;
        var parts = new string[chain.Length];
        for (int i = 0; i < chain.Length; i++)
        {
            parts[i] = chain[i].UpTo is null
                ? $"{prefix}branch = $b{i}"
                : $"({prefix}branch = $b{i} AND {prefix}version <= $f{i})";
        }

        Sql = string.Join(" OR ", parts);
    }

    public string Sql { get; }

    public void Bind(SqliteCommand command, string branchPrefix = "$b", string forkPrefix = "$f")
    {
        for (int i = 0; i < _chain.Length; i++)
        {
            command.Bind(branchPrefix + i, _chain[i].Branch);
            if (_chain[i].UpTo is { } upTo)
            {
                command.Bind(forkPrefix + i, upTo);
            }
        }
    }
}
