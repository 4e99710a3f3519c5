using Do.Agents;
using Do.Execution;
using Do.Workers;

namespace Do.Transport;

/// <summary>Humans' approval queues and agent runs, as turns of the object in this process.</summary>
internal sealed partial class InProcessTransport
{
    public Task<IReadOnlyList<ApprovalRequest>> ApprovalsAsync(CancellationToken cancellationToken)
        => Target.RunAsync(activation => ValueTask.FromResult(ApprovalQueue.Pending(RequireHuman(activation).Database)), cancellationToken);

    public async Task RespondAsync(long requestId, bool approved, string by, string? comment, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        var delivery = await Target.RunAsync(activation => ValueTask.FromResult(ApprovalQueue.Decide(RequireHuman(activation), requestId, approved, by, comment)), cancellationToken).ConfigureAwait(false);

        // Outside the human's turn: the requester may live elsewhere (another silo), and its signal must not wait on this turn.
        await ApprovalQueue.DeliverAsync(Target.Host, delivery).ConfigureAwait(false);
        await Target.RunAsync(
            activation =>
            {
                ApprovalQueue.MarkDelivered(activation.Database, requestId);
                return ValueTask.FromResult(true);
            },
            cancellationToken).ConfigureAwait(false);
    }

    public Task<string> RequestApprovalAsync(string text, string requester, long actionId, string? signal, EscalationPolicy? escalateTo, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        _ = ObjectNamespace.Parse(requester);
        if (timeout <= TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, $"An approval timeout of {timeout} is not positive; pass e.g. TimeSpan.FromHours(4), or Timeout.InfiniteTimeSpan for no expiry.");
        }

        return Target.RunAsync(activation => new ValueTask<string>(ApprovalQueue.RequestAsync(RequireHuman(activation), text, requester, actionId, signal, escalateTo, timeout)), cancellationToken);
    }

    public async Task<string> RunAgentAsync(string goal, CancellationToken cancellationToken)
    {
        var input = AgentRunJson.Goal(goal);
        var actor = ActorScope.Resolve(Actor);

        // Followed from outside the agent's turn: a run that waits (for a human) releases the turn, and this call
        // returns when a later run of the action completes it.
        var output = await ActionWaiters.Follow(
            Target.RunAsync(
                activation =>
                {
                    var handler = activation.Context.FindDefinitionOrNull(Agent.RunAction)
                        ?? throw new ArgumentException($"{Namespace} is a {activation.ClassInfo.Name}, not an Agent: only an Agent runs toward a goal.", nameof(goal));
                    ActorScope.Enter(actor);
                    return VerbExecution.RunDefinedAsync(activation, Agent.RunAction, input, handler, null, cancellationToken);
                },
                cancellationToken),
            cancellationToken).ConfigureAwait(false);
        return output!;
    }

    private Hosting.ObjectActivation RequireHuman(Hosting.ObjectActivation activation)
        => activation.Instance is Human ? activation
            : throw new InvalidOperationException($"{Namespace} is a {activation.ClassInfo.Name}, not a Human: only a Human keeps an approval queue.");
}
