namespace Do;

/// <summary>One field of one thing changed differently on both sides of a merge.</summary>
/// <param name="Noun">The thing's noun.</param>
/// <param name="Id">The thing's local id.</param>
/// <param name="Field">The top-level JSON field, or <c>$deleted</c> when one side deleted the thing and the other changed it.</param>
/// <param name="Base">The value at the fork point (JSON), or null when absent.</param>
/// <param name="Ours">The value on the target branch (JSON), or null when absent.</param>
/// <param name="Theirs">The value on the merged branch (JSON), or null when absent.</param>
public sealed record MergeConflict(string Noun, string Id, string Field, string? Base, string? Ours, string? Theirs);
