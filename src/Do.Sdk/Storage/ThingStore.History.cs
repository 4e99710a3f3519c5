namespace Do.Storage;

/// <summary>
/// Finding a thing's versions without an index entry per write: <c>recent</c>, which a trigger on <c>things</c> adds every
/// version to, and <c>history</c>, where appends move <c>recent</c> in sorted batches (schema migration 13).
/// </summary>
internal sealed partial class ThingStore
{
    /// <summary>
    /// How many versions <c>recent</c> collects before an append moves them into <c>history</c> in one sorted batch. A
    /// larger batch writes each busy thing's history leaf less often; a smaller one keeps <c>recent</c> to fewer pages
    /// (1,024 entries of about 20 bytes: a dozen 2 KB pages), which every write dirties one of.
    /// </summary>
    internal const int HistoryBatch = 1024;

    /// <summary>
    /// The versions of the thing <c>$noun</c>/<c>$id</c> that <paramref name="scope"/> sees, as a compound SELECT of its
    /// <c>history</c> and <c>recent</c> rows. Followed by <c>ORDER BY version DESC</c>, SQLite merges the two halves
    /// newest first, each read backwards along its primary key, so a <c>LIMIT</c> reads only the rows it returns; a view
    /// over the union (<c>thing_versions</c>) would collect and sort every version of the thing first.
    /// </summary>
    internal static string VersionsOf(string scope)
        => $"SELECT version FROM history WHERE noun = $noun AND id = $id AND ({scope}) UNION ALL SELECT version FROM recent WHERE noun = $noun AND id = $id AND ({scope})";

    /// <summary>Counts the version just appended into <c>recent</c>, and moves a full <c>recent</c> into <c>history</c>.</summary>
    private void CountRecent()
    {
        _recent = _recent is long counted ? counted + 1 : RecentCount(); // a count read now includes this version's row
        if (_recent >= HistoryBatch)
        {
            MoveRecentToHistory();
        }
    }

    private long RecentCount() => (long)_db.Command("SELECT count(*) FROM recent").ExecuteScalar()!;

    /// <summary>
    /// Moves <c>recent</c> into <c>history</c> in key order, so that each thing's history leaf is written once per batch
    /// rather than once per version. Runs inside the appending transaction: a rollback undoes both, and
    /// <see cref="ForgetHeads"/> forgets the count.
    /// </summary>
    private void MoveRecentToHistory()
    {
        _db.Statement("INSERT INTO history (noun, id, branch, version) SELECT noun, id, branch, version FROM recent ORDER BY noun, id, branch, version").Execute();
        _db.Statement("DELETE FROM recent").Execute();
        _recent = 0;
    }

    /// <summary>
    /// Rebuilds <c>history</c> from the rows left in <c>things</c> and empties <c>recent</c>, after an operation that
    /// deleted versions (compaction). Must run inside that operation's transaction.
    /// </summary>
    internal void RebuildHistory()
    {
        _db.Execute("""
            DELETE FROM recent;
            DELETE FROM history;
            INSERT INTO history (noun, id, branch, version) SELECT noun, id, branch, version FROM things ORDER BY noun, id, branch, version;
            """);
        ForgetHeads();
    }
}
