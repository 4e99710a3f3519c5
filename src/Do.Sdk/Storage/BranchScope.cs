using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Do.Storage;

/// <summary>
/// The rows a branch can see: its own, plus each ancestor's up to the version it was forked at. Rendered as a SQL
/// predicate over <c>things.branch</c> and <c>things.version</c> with bound parameters.
/// </summary>
internal readonly struct BranchScope
{
    // The predicate depends only on the chain's shape (length, which links are capped) and the column prefix, never on
    // the ids, which are bound: one string per shape for the whole process, so a read builds no SQL and a statement
    // cached under it is found by reference.
    private static readonly ConcurrentDictionary<(int Length, ulong Capped, string Prefix), string> Predicates = new();
    private static readonly string[] BranchNames = [.. Enumerable.Range(0, 16).Select(i => "$b" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))];
    private static readonly string[] ForkNames = [.. Enumerable.Range(0, 16).Select(i => "$f" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))];
    private readonly (long Branch, long? UpTo)[] _chain;

    public BranchScope((long Branch, long? UpTo)[] chain, string prefix)
    {
        _chain = chain;
        if (chain.Length > 64)
        {
            Sql = Render(chain, prefix); // deeper than any cache key describes: rendered each time
            return;
        }

        ulong capped = 0;
        for (int i = 0; i < chain.Length; i++)
        {
            if (chain[i].UpTo is not null)
            {
                capped |= 1UL << i;
            }
        }

        Sql = Predicates.GetOrAdd((chain.Length, capped, prefix), static (_, c) => Render(c.Chain, c.Prefix), (Chain: chain, Prefix: prefix));
    }

    /// <summary>The predicate; the same string instance for every scope of the same shape and prefix.</summary>
    public string Sql { get; }

    public void Bind(SqliteCommand command)
    {
        for (int i = 0; i < _chain.Length; i++)
        {
            command.Bind(Name(BranchNames, "$b", i), _chain[i].Branch);
            if (_chain[i].UpTo is { } upTo)
            {
                command.Bind(Name(ForkNames, "$f", i), upTo);
            }
        }
    }

    public void Bind(SqliteCommand command, string branchPrefix, string forkPrefix)
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

    private static string Name(string[] names, string prefix, int i)
        => i < names.Length ? names[i] : prefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Render((long Branch, long? UpTo)[] chain, string prefix)
    {
        var parts = new string[chain.Length];
        for (int i = 0; i < chain.Length; i++)
        {
            parts[i] = chain[i].UpTo is null
                ? $"{prefix}branch = $b{i}"
                : $"({prefix}branch = $b{i} AND {prefix}version <= $f{i})";
        }

        return string.Join(" OR ", parts);
    }
}
