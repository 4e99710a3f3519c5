namespace Do;

/// <summary>The lifecycle of an action row.</summary>
public enum ActionStatus
{
    /// <summary>Persisted, not started.</summary>
    Pending,

    /// <summary>An attempt is in progress.</summary>
    Running,

    /// <summary>Done: result, state change and event are committed.</summary>
    Completed,

    /// <summary>The last attempt failed; no state change was made.</summary>
    Failed,

    /// <summary>Reverted by a later action.</summary>
    Undone,

    /// <summary>An attempt failed and another is scheduled.</summary>
    Retrying,

    /// <summary>
    /// Suspended in a durable wait (<c>ctx.Sleep</c>, <c>ctx.WaitFor</c>, an approval) with its object's turn released;
    /// it runs again, replaying its journaled steps, when the timer is due or the signal arrives. Not a failed attempt.
    /// </summary>
    Waiting,
}
