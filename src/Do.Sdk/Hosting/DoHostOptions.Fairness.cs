namespace Do;

/// <summary>Internal switches of the group-commit drain, for side-by-side measurements only.</summary>
public sealed partial class DoHostOptions
{
    /// <summary>
    /// Restores the drain as it was before the fairness change (issue 19): started inline on the first caller's thread,
    /// taking up to <see cref="MaxGroupSize"/> members at once with no time quantum, and looping on the same thread while
    /// work is queued. Internal and off by default: it starves objects under load, and exists so one benchmark process
    /// can alternate the two drains (A/B rounds) on a noisy machine instead of comparing runs minutes apart.
    /// </summary>
    internal bool InlineDrain { get; set; }

    /// <summary>
    /// How long a group waits for callers still on their way (see <c>ObjectActivation.WaitForJoiners</c>);
    /// null, the default, for a quarter of the object's last commit, at most 200 µs. Internal: tests set a long wait to see
    /// a late caller join a group without depending on timing.
    /// </summary>
    internal TimeSpan? GroupJoinWait { get; set; }
}
