namespace Do;

/// <summary>What a merge wrote.</summary>
/// <param name="Branch">The merged branch.</param>
/// <param name="Target">The branch merged into.</param>
/// <param name="Changed">How many things got a new version (including deletions).</param>
/// <param name="Resolved">Conflicts resolved by the strategy (empty for <see cref="MergeStrategy.None"/>).</param>
public sealed record MergeResult(string Branch, string Target, int Changed, IReadOnlyList<MergeConflict> Resolved);
