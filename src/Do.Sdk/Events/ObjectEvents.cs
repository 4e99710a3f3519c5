namespace Do;

/// <summary>
/// The names of object events: what lifecycle operations record about the object itself. They are kept apart from
/// things' events (<c>Noun.event</c>): wildcards such as <c>*.created</c> or <c>Startup.*</c> never match them; only an
/// exact subscription (<c>ctx.On.Object.BranchCreated(...)</c>) or <c>*.*</c> receives them.
/// </summary>
public static class ObjectEvents
{
    /// <summary>A branch was created (data: branch, from, forkVersion).</summary>
    public const string BranchCreated = "branch.created";

    /// <summary>A branch was deleted (data: branch, discardedVersions).</summary>
    public const string BranchDeleted = "branch.deleted";

    /// <summary>A merge committed (data: branch, into, changed, resolved, strategy).</summary>
    public const string MergeCompleted = "merge.completed";

    /// <summary>A merge found conflicts and wrote nothing (in memory only; data: branch, conflicts).</summary>
    public const string MergeConflict = "merge.conflict";

    /// <summary>This object was forked to another (data: to).</summary>
    public const string ForkCompleted = "fork.completed";

    /// <summary>This object was created as a fork of another (data: from, things).</summary>
    public const string ForkCreated = "fork.created";

    /// <summary>History was compacted (data: rows and bytes before and after, archive).</summary>
    public const string CompactCompleted = "compact.completed";

    /// <summary>The object's file moved to another colo (data: from, to).</summary>
    public const string MoveCompleted = "move.completed";

    /// <summary>True when <paramref name="eventType"/> is an object event rather than a thing's event.</summary>
    public static bool IsObjectEvent(string eventType) => eventType switch
    {
        BranchCreated or BranchDeleted or MergeCompleted or MergeConflict or ForkCompleted or ForkCreated or CompactCompleted or MoveCompleted => true,
        _ => false,
    };
}
