using Do.Workers;

namespace Do.Orleans;

/// <summary>Durable steps and workers on the cluster: signals, a human's approval queue, agent runs.</summary>
internal sealed partial class DurableObjectGrain
{
    public Task<bool> Signal(string? objectClass, long actionId, string signal, string? valueJson)
        => Run(objectClass, t => t.SignalAsync(actionId, signal, valueJson, CancellationToken.None));

    public Task<IReadOnlyList<ApprovalRequest>> Approvals(string? objectClass)
        => Run(objectClass, t => t.ApprovalsAsync(CancellationToken.None));

    public Task Respond(string? objectClass, long requestId, bool approved, string by, string? comment)
        => Run(objectClass, async t =>
        {
            await t.RespondAsync(requestId, approved, by, comment, CancellationToken.None);
            return true;
        });

    public Task<string> RequestApproval(string? objectClass, string text, string requester, long actionId, string? signal, string? escalationJson, TimeSpan timeout)
        => Run(objectClass, t => t.RequestApprovalAsync(text, requester, actionId, signal, ApprovalQueue.ReadPolicy(escalationJson), timeout, CancellationToken.None));

    public Task<string> RunAgent(string? objectClass, string goal)
        => Run(objectClass, t => t.RunAgentAsync(goal, CancellationToken.None));
}
