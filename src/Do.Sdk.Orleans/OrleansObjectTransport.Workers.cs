using Do.Workers;

namespace Do.Orleans;

/// <summary>Durable steps and workers through the grain: signals, a human's approval queue, agent runs.</summary>
public sealed partial class OrleansObjectTransport
{
    /// <inheritdoc />
    public Task<bool> SignalAsync(long actionId, string signal, string? valueJson, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(signal);
        return Call(() => _grain.Signal(_objectClass, actionId, signal, valueJson), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ApprovalRequest>> ApprovalsAsync(CancellationToken cancellationToken)
        => Call(() => _grain.Approvals(_objectClass), cancellationToken);

    /// <inheritdoc />
    public Task RespondAsync(long requestId, bool approved, string by, string? comment, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        return Call(() => _grain.Respond(_objectClass, requestId, approved, by, comment), cancellationToken);
    }

    /// <inheritdoc />
    public Task<string> RequestApprovalAsync(string text, string requester, long actionId, string? signal, EscalationPolicy? escalateTo, TimeSpan timeout, CancellationToken cancellationToken)
        => Call(() => _grain.RequestApproval(_objectClass, text, requester, actionId, signal, ApprovalQueue.WritePolicy(escalateTo), timeout), cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// The grain call lasts as long as the run, including a wait for a human: a run that can wait longer than the
    /// cluster's response timeout (<c>ClientMessagingOptions.ResponseTimeout</c>) times out here while it goes on in
    /// the agent; read its outcome from the action log (<c>Action(id)</c>).
    /// </remarks>
    public Task<string> RunAgentAsync(string goal, CancellationToken cancellationToken)
    {
        _ = Agents.AgentRunJson.Goal(goal);
        return Call(() => _grain.RunAgent(_objectClass, goal), cancellationToken);
    }
}
