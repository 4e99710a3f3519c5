using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Do.Storage;

/// <summary>
/// The rows a branch can see: its own, plus each ancestor's up to the version it was forked at. Rendered as a SQL
/// predicate over <c>things.branch</c> and <c>things.version</c> with bound parameters (<see cref="Sql"/>), and as the
/// rows of a <c>chain (depth, branch, up_to)</c> table for reads that walk a thing's versions (<see cref="ThingStore.HeadsOf"/>).
/// </summary>
internal readonly struct BranchScope
{
    // The predicate depends only on the chain's shape (length, which links are capped) and the column prefix, never on
    // the ids, which are bound: one string per shape for the whole process, so a read builds no SQL and a statement
    // cached under it is found by reference.
    private static readonly ConcurrentDictionary<(int Length, ulong Capped, string Prefix), string> Predicates = new();
    private static readonly ConcurrentDictionary<(int Length, ulong Capped), string> Chains = new();
    private static readonly string[] BranchNames = [.. Enumerable.Range(0, 16).Select(i => "$b" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))];
    private static readonly string[] ForkNames = [.. Enumerable.Range(0, 16).Select(i => "$f" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))];
    private readonly (long Branch, long? UpTo)[] _chain;

    public BranchScope((long Branch, long? UpTo)[] chain, string prefix)
    {
        _chain = chain;
        if (chain.Length > 64)
        {
            Sql = Render(chain, prefix); // deeper than any cache key describes: rendered each time
            Rows = RenderRows(chain);
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
        Rows = Chains.GetOrAdd((chain.Length, capped), static (_, c) => RenderRows(c), chain);
    }

    /// <summary>The predicate; the same string instance for every scope of the same shape and prefix.</summary>
    public string Sql { get; }

    /// <summary>
    /// The chain as a <c>VALUES</c> list of <c>(depth, branch, up_to)</c> rows, the branch itself at depth 0 and
    /// <c>up_to</c> NULL where the branch is seen whole; the same string instance for every scope of the same shape.
    /// </summary>
    public string Rows { get; }

    /// <summary>The branch alone, seen whole: main's and any other branch's HEAD without ancestors to walk into.</summary>
    public bool IsWholeBranch => _chain.Length == 1 && _chain[0].UpTo is null;

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

    private static string RenderRows((long Branch, long? UpTo)[] chain)
    {
        var rows = new string[chain.Length];
        for (int i = 0; i < chain.Length; i++)
        {
            var index = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            rows[i] = chain[i].UpTo is null ? $"({index}, $b{index}, NULL)" : $"({index}, $b{index}, $f{index})";
        }

        return "VALUES " + string.Join(", ", rows);
    }

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
