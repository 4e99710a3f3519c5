namespace Do;

/// <summary>How <c>Merge</c> resolves a field changed differently on both sides.</summary>
public enum MergeStrategy
{
    /// <summary>Refuse: write nothing and report every conflict (<see cref="MergeConflictException"/>).</summary>
    None,

    /// <summary>Keep the target branch's value.</summary>
    Ours,

    /// <summary>Take the merged branch's value.</summary>
    Theirs,
}
