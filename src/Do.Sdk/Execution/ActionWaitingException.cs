namespace Do;

/// <summary>
/// A durable action started inside a turn of its own object is waiting (<c>ctx.Sleep</c>, <c>ctx.WaitFor</c>, an
/// approval). The action is safe — it resumes on its own and its outcome is recorded in the action log — but the
/// caller, being inside that object's turn, cannot wait for it without holding the turn the action needs.
/// </summary>
public sealed class ActionWaitingException : Exception
{
    /// <summary>Creates the exception for the waiting action <paramref name="actionId"/> of <paramref name="ns"/>.</summary>
    public ActionWaitingException(string ns, long actionId)
        : base($"Action {actionId} of {ns} is waiting (ctx.Sleep, ctx.WaitFor or an approval) and resumes on its own; it was called inside a turn of {ns}, which cannot wait for it without holding the turn it needs. Call it from outside the object, use AsQueued(), or read its outcome later with ObjectClient.Action({actionId}).")
    {
        Namespace = ns;
        ActionId = actionId;
    }

    /// <summary>The namespace of the object the action belongs to.</summary>
    public string Namespace { get; }

    /// <summary>The id of the waiting action.</summary>
    public long ActionId { get; }
}
