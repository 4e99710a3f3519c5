using Do.Workers;

namespace Do;

/// <summary>A human's approval queue as seen from outside: <c>host.Object&lt;THuman&gt;(ns).Approvals</c>. In-process only.</summary>
public sealed class HumanApprovals
{
    private readonly ObjectClient _human;

    internal HumanApprovals(ObjectClient human) => _human = human;

    /// <summary>The requests waiting for an answer, oldest first.</summary>
    public Task<IReadOnlyList<ApprovalRequest>> Pending(CancellationToken cancellationToken = default)
        => _human.Run(ctx => ApprovalQueue.Pending(ctx.Activation.Database), cancellationToken);

    /// <summary>
    /// Answers request <paramref name="id"/>: the decision is recorded in the human's file, then handed to the waiting
    /// action (its <c>Approve</c> returns it and the action runs on in its own object).
    /// </summary>
    /// <exception cref="ArgumentException">No request with that id, or <paramref name="by"/> is empty.</exception>
    /// <exception cref="InvalidOperationException">The request was already answered or escalated.</exception>
    public async Task Respond(long id, bool approved, string by, string? comment = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        var delivery = await _human.Run(ctx => ApprovalQueue.Decide(ctx.Activation, id, approved, by, comment), cancellationToken).ConfigureAwait(false);
        await ApprovalQueue.DeliverAsync(_human.Target.Host, delivery).ConfigureAwait(false);
        await _human.Run(ctx => { ApprovalQueue.MarkDelivered(ctx.Activation.Database, id); return true; }, cancellationToken).ConfigureAwait(false);
    }
}
