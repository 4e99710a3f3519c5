namespace Do;

/// <summary>
/// A human's approval queue as seen from outside: <c>host.Object&lt;THuman&gt;(ns).Approvals</c>. Works on every
/// transport: in this process, over HTTP (<c>Do.Client.DoClient</c>) and on Orleans.
/// </summary>
public sealed class HumanApprovals
{
    private readonly ObjectClient _human;

    internal HumanApprovals(ObjectClient human) => _human = human;

    /// <summary>The requests waiting for an answer, oldest first.</summary>
    public Task<IReadOnlyList<ApprovalRequest>> Pending(CancellationToken cancellationToken = default)
        => _human.Transport.ApprovalsAsync(cancellationToken);

    /// <summary>
    /// Answers request <paramref name="id"/>: the decision is recorded in the human's file, then handed to the waiting
    /// action (its <c>Approve</c> returns it and the action runs on in its own object).
    /// </summary>
    /// <exception cref="ArgumentException">No request with that id, or <paramref name="by"/> is empty.</exception>
    /// <exception cref="InvalidOperationException">The request was already answered or escalated.</exception>
    /// <exception cref="UnauthorizedAccessException">Over HTTP: the caller may not answer as <paramref name="by"/>.</exception>
    public Task Respond(long id, bool approved, string by, string? comment = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        return _human.Transport.RespondAsync(id, approved, by, comment, cancellationToken);
    }
}
