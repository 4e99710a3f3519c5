namespace Do.Execution;

/// <summary>
/// Ends an attempt of a durable action that must wait (a timer or a signal) without holding its object's turn. The
/// action runner records it as <see cref="ActionStatus.Waiting"/>; it is never a failure and never retried.
/// </summary>
internal sealed class ActionSuspendedException(Hosting.ObjectActivation activation, long actionId, string waitingFor)
    : Exception($"Action {actionId} of {activation.Namespace} waits for {waitingFor}; it resumes on its own.")
{
    public Hosting.ObjectActivation Activation { get; } = activation;

    public long ActionId { get; } = actionId;

    /// <summary>Completes with the action's output when a later run finishes it (set by the runner as it suspends).</summary>
    public Task<string?>? Completion { get; set; }
}
