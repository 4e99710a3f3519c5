using Do.Workers;

namespace Do;

/// <summary>
/// A worker's whole request queue as seen from outside: <c>host.Object&lt;THuman&gt;(ns).Requests</c> — approvals,
/// questions (<c>Ask</c>, <c>Generate</c>), choices (<c>Decide</c>) and tasks (<c>Do</c>). In-process only.
/// </summary>
public sealed class HumanRequests
{
    private readonly ObjectClient _human;

    internal HumanRequests(ObjectClient human) => _human = human;

    /// <summary>The requests of every kind waiting for an answer, oldest first.</summary>
    public Task<IReadOnlyList<WorkerRequest>> Pending(CancellationToken cancellationToken = default)
        => _human.Run(ctx => ApprovalQueue.PendingRequests(ctx.Activation.Database), cancellationToken);

    /// <summary>
    /// Answers the question, choice or task <paramref name="id"/>: the answer is recorded in the worker's file, then
    /// handed to the waiting action (its <c>Ask</c>, <c>Decide</c>, <c>Generate</c> or <c>Do</c> returns it).
    /// </summary>
    /// <param name="id">The request's id.</param>
    /// <param name="answer">The answer; for a decide, one of the request's options (matched ignoring case); for a generate, the JSON of the value asked for.</param>
    /// <param name="by">Who answered.</param>
    /// <param name="cancellationToken">Cancels recording the answer.</param>
    /// <exception cref="ArgumentException">No request with that id, it is an approval (use <see cref="Respond"/>), the answer is not one of a decide's options, or <paramref name="by"/> is empty.</exception>
    /// <exception cref="InvalidOperationException">The request was already answered or escalated.</exception>
    public async Task Answer(long id, string answer, string by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        var delivery = await _human.Run(ctx => ApprovalQueue.Answer(ctx.Activation, id, answer, by), cancellationToken).ConfigureAwait(false);
        await Deliver(delivery, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Answers the approval <paramref name="id"/>, as <see cref="HumanApprovals.Respond"/> does.</summary>
    /// <exception cref="ArgumentException">No request with that id, it is not an approval, or <paramref name="by"/> is empty.</exception>
    /// <exception cref="InvalidOperationException">The request was already answered or escalated.</exception>
    public Task Respond(long id, bool approved, string by, string? comment = null, CancellationToken cancellationToken = default)
        => new HumanApprovals(_human).Respond(id, approved, by, comment, cancellationToken);

    private async Task Deliver(ApprovalQueue.Delivery delivery, CancellationToken cancellationToken)
    {
        await ApprovalQueue.DeliverAsync(_human.Target.Host, delivery).ConfigureAwait(false);
        await _human.Run(ctx => { ApprovalQueue.MarkDelivered(ctx.Activation.Database, delivery.Id); return true; }, cancellationToken).ConfigureAwait(false);
    }
}
