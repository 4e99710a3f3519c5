using Microsoft.Data.Sqlite;

namespace Do.Storage;

/// <summary>
/// Finding a thing's versions without an index entry per write (schema migration 14): each version names the one it
/// replaced as its branch saw it (<c>things.prev</c>), and <c>tip</c> holds each thing's newest version per branch, one
/// row rewritten in place. HEAD is one <c>tip</c> lookup; older versions are found by walking back. A branch's first
/// write of a thing points into its parent's chain, so a chain crosses branches by itself.
/// </summary>
/// <remarks>
/// A walk is bounded by skip links (<see cref="ChainLinks"/>): besides <c>prev</c>, each version names the version at the
/// last multiple of 16, 256, 4,096 and 65,536 of its depth below it, so reaching a version any distance back (by count
/// for <c>@~N</c>, or the newest at or below a version for a branch's ancestors) takes at most 16 steps per level
/// (under 100 within a million versions).
/// Every join from <c>heads</c> or a walk to <c>things</c> is a <c>CROSS JOIN</c>, which SQLite keeps as written, with the
/// walk as the outer loop: with a plain JOIN its planner may scan <c>things</c> instead (History's ORDER BY without
/// statistics, the other reads after an ANALYZE). <c>ChainQueryPlanTests</c> checks every plan.
/// </remarks>
internal sealed partial class ThingStore
{
    // The tip rows of the thing $noun/$id, for HeadsOf.
    private const string OneThing = "p.noun = $noun AND p.id = $id";

    // The link columns that ChainLinks mirrors.
    internal const string LinkColumns = "t.depth, t.skip16, t.skip256, t.skip4096, t.skip65536";

    // A HEAD read's columns: the version's data, then its links, which ReadOne remembers for the next append.
    private const string HeadColumns = "t.version, t.data, t.deleted, " + LinkColumns;

    // One step of a walk w back from row t towards the newest version at or below w.up_to: the farthest skip link still
    // above it, or prev.
    private const string StepAbove = """
        CASE WHEN t.skip65536 > w.up_to THEN t.skip65536 WHEN t.skip4096 > w.up_to THEN t.skip4096
             WHEN t.skip256 > w.up_to THEN t.skip256 WHEN t.skip16 > w.up_to THEN t.skip16 ELSE t.prev END
        """;

    // One step of a walk o back from row t towards the version at depth o.target: the farthest skip link not beyond it,
    // or prev.
    private const string StepToDepth = """
        CASE WHEN (t.depth - 1) / 65536 * 65536 >= o.target THEN t.skip65536 WHEN (t.depth - 1) / 4096 * 4096 >= o.target THEN t.skip4096
             WHEN (t.depth - 1) / 256 * 256 >= o.target THEN t.skip256 WHEN (t.depth - 1) / 16 * 16 >= o.target THEN t.skip16 ELSE t.prev END
        """;

    // Links of recently read HEADs and written versions, by version: an append reads its predecessor's from here.
    private readonly Dictionary<long, ChainLinks> _links = [];

    /// <summary>
    /// Common table expressions ending in <c>heads (noun, id, version)</c>: the version each thing whose <c>tip</c> row
    /// matches <paramref name="filter"/> (over <c>tip AS p</c>) has in <paramref name="scope"/>, tombstones included.
    /// For each thing the nearest branch of the chain that wrote it decides; where that branch is seen only up to a
    /// version (an ancestor, or a view checked out at a version), its chain is walked back to the newest version at or
    /// below it. Follow <c>WITH RECURSIVE</c>; bind the scope's parameters (<see cref="BranchScope.Bind(SqliteCommand)"/>).
    /// </summary>
    internal static string HeadsOf(BranchScope scope, string filter)
        => scope.IsWholeBranch
            ? $"heads (noun, id, version) AS (SELECT p.noun, p.id, p.version FROM tip AS p WHERE p.branch = $b0 AND ({filter}))"
            : $"""
              chain (depth, branch, up_to) AS ({scope.Rows}),
              nearest AS (
                  SELECT p.noun, p.id, p.version, c.up_to, MIN(c.depth)
                  FROM tip AS p JOIN chain AS c ON c.branch = p.branch
                  WHERE {filter}
                  GROUP BY p.noun, p.id),
              walk (noun, id, version, up_to) AS (
                  SELECT noun, id, version, up_to FROM nearest
                  UNION ALL
                  SELECT w.noun, w.id, {StepAbove}, w.up_to FROM walk AS w CROSS JOIN things AS t ON t.version = w.version
                  WHERE w.version > w.up_to AND t.prev IS NOT NULL),
              heads (noun, id, version) AS (SELECT noun, id, version FROM walk WHERE up_to IS NULL OR version <= up_to)
              """;

    // HEAD rows of every live thing of $noun in the scope, by id.
    internal static string ListSql(BranchScope scope) => $"""
        WITH RECURSIVE {HeadsOf(scope, "p.noun = $noun")}
        SELECT t.version, t.data, t.deleted, t.id FROM heads AS h CROSS JOIN things AS t ON t.version = h.version
        WHERE t.deleted = 0
        ORDER BY t.id
        """;

    // Every version of $noun/$id the scope sees, newest first, with the action that wrote it: the whole chain from HEAD.
    internal static string HistorySql(BranchScope scope) => $"""
        WITH RECURSIVE {HeadsOf(scope, OneThing)},
        older (version) AS (
            SELECT version FROM heads
            UNION ALL
            SELECT t.prev FROM older AS o CROSS JOIN things AS t ON t.version = o.version WHERE t.prev IS NOT NULL)
        SELECT t.version, t.data, t.deleted, t.action, coalesce(t.verb, a.verb), coalesce(t.at, a.completed_at)
        FROM older AS o CROSS JOIN things AS t ON t.version = o.version LEFT JOIN stored_actions AS a ON a.id = t.action AND t.verb IS NULL
        WHERE t.verb IS NOT NULL OR a.id IS NOT NULL
        ORDER BY t.version DESC
        """;

    // HEAD of $noun/$id in the scope.
    internal static string ScopedHeadSql(BranchScope scope) => $"""
        WITH RECURSIVE {HeadsOf(scope, OneThing)}
        SELECT {HeadColumns} FROM heads AS h CROSS JOIN things AS t ON t.version = h.version
        """;

    // @~1: the version HEAD replaced.
    internal static string PreviousSql(BranchScope scope) => $"""
        WITH RECURSIVE {HeadsOf(scope, OneThing)}
        SELECT {HeadColumns}
        FROM heads AS h CROSS JOIN things AS cur ON cur.version = h.version CROSS JOIN things AS t ON t.version = cur.prev
        """;

    // @~$back: the version $back below HEAD's depth, reached through the skip links (HEAD itself at 0). The target depth
    // travels with the walk: a join with it would let the planner index things by depth to find the answer.
    internal static string NthSql(BranchScope scope) => $"""
        WITH RECURSIVE {HeadsOf(scope, OneThing)},
        older (version, target) AS (
            SELECT h.version, t.depth - $back FROM heads AS h CROSS JOIN things AS t ON t.version = h.version
            UNION ALL
            SELECT {StepToDepth}, o.target FROM older AS o CROSS JOIN things AS t ON t.version = o.version
            WHERE t.depth > o.target)
        SELECT {HeadColumns} FROM older AS o CROSS JOIN things AS t ON t.version = o.version
        WHERE t.depth = o.target
        """;

    // The newest version completed by $time: a walk one version at a time (completion times are not in the links) that
    // stops at the first such version; a version whose action was archived is passed.
    internal static string AsOfSql(BranchScope scope) => $"""
        WITH RECURSIVE {HeadsOf(scope, OneThing)},
        older (version) AS (
            SELECT version FROM heads
            UNION ALL
            SELECT t.prev FROM older AS o CROSS JOIN things AS t ON t.version = o.version LEFT JOIN stored_actions AS a ON a.id = t.action AND t.verb IS NULL
            WHERE t.prev IS NOT NULL AND coalesce(t.at, a.completed_at, $time + 1) > $time)
        SELECT t.version, t.data, t.deleted
        FROM older AS o CROSS JOIN things AS t ON t.version = o.version LEFT JOIN stored_actions AS a ON a.id = t.action AND t.verb IS NULL
        WHERE coalesce(t.at, a.completed_at) <= $time
        ORDER BY t.version DESC LIMIT 1
        """;

    /// <summary>
    /// Points <c>tip</c> and the links at the rows left in <c>things</c> after compaction, which keeps only HEADs: a thing
    /// with no version left has no tip, and a version whose predecessor went starts its chain. Must run inside that
    /// operation's transaction.
    /// </summary>
    internal void RepairChains()
    {
        _db.Execute("""
            DELETE FROM tip;
            INSERT INTO tip (noun, id, branch, version) SELECT noun, id, branch, MAX(version) FROM things GROUP BY noun, id, branch;
            UPDATE things SET prev = NULL, depth = 0, skip16 = NULL, skip256 = NULL, skip4096 = NULL, skip65536 = NULL
            WHERE prev IS NOT NULL AND prev NOT IN (SELECT version FROM things);
            """);
        ForgetHeads();
    }

    /// <summary>
    /// The version a write of a thing on <paramref name="branch"/> replaces: the HEAD it read (<paramref name="before"/>),
    /// unless a write since then in the same turn moved the branch's HEAD (a verb whose body wrote its own thing). The
    /// chain then runs through that write, so no version drops out of the thing's history.
    /// </summary>
    private long? Predecessor(long nounId, string id, long branch, ThingRecord? before)
    {
        if (branch == ObjectSchema.MainBranch)
        {
            return _heads.TryGetValue((nounId, id), out var cached) && cached is not null ? cached.Version : before?.Version;
        }

        return _db.Command("SELECT version FROM tip WHERE noun = $noun AND id = $id AND branch = $branch")
            .Bind("$noun", nounId).Bind("$id", id).Bind("$branch", branch).ExecuteScalar() as long? ?? before?.Version;
    }

    /// <summary>The links of a version appended after <paramref name="prev"/> (the first of a chain when null).</summary>
    private ChainLinks NextLinks(long? prev)
    {
        if (prev is not long version)
        {
            return default;
        }

        if (!_links.TryGetValue(version, out var links))
        {
            using var reader = _db.Command($"SELECT {LinkColumns} FROM things AS t WHERE t.version = $v").Bind("$v", version).ExecuteReader();
            links = reader.Read() ? ReadLinks(reader, 0) : default;
        }

        return links.Next(version);
    }

    private void RememberLinks(long version, ChainLinks links)
    {
        if (_links.Count >= 2 * MaxCachedHeads)
        {
            _links.Clear();
        }

        _links[version] = links;
    }

    internal static ChainLinks ReadLinks(SqliteDataReader reader, int first)
        => new(
            reader.IsDBNull(first) ? 0 : reader.GetInt64(first),
            reader.IsDBNull(first + 1) ? null : reader.GetInt64(first + 1),
            reader.IsDBNull(first + 2) ? null : reader.GetInt64(first + 2),
            reader.IsDBNull(first + 3) ? null : reader.GetInt64(first + 3),
            reader.IsDBNull(first + 4) ? null : reader.GetInt64(first + 4));
}

/// <summary>
/// A version's place in its thing's chain: how many versions precede it (<paramref name="Depth"/>) and the version at the
/// last multiple of each stride of depth below it (null for a chain's first version).
/// </summary>
internal readonly record struct ChainLinks(long Depth, long? Skip16, long? Skip256, long? Skip4096, long? Skip65536)
{
    /// <summary>The links of the version appended after this one, which is <paramref name="version"/>.</summary>
    public ChainLinks Next(long version)
        => new(Depth + 1, Below(16, Skip16, version), Below(256, Skip256, version), Below(4096, Skip4096, version), Below(65536, Skip65536, version));

    // The next version's boundary below it is this version when this one's depth is a multiple of the stride.
    private long? Below(long stride, long? skip, long version) => Depth % stride == 0 ? version : skip;
}
