namespace Do;

/// <summary>
/// An agent did not finish the task it was given with <c>Do(task)</c>: its run failed for good (the model kept
/// failing, a tool failed for good, no chat client, the run was cancelled) or stopped at <see cref="Agent.MaxIterations"/>
/// while the model still asked for tools. Inside a durable action the failure is journaled in the caller's action like
/// an answer, so a replay throws it again without starting another run; it is not retried.
/// </summary>
public sealed class AgentRunFailedException : NonRetryableException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="agent">The agent's namespace URL.</param>
    /// <param name="runId">The run's action id in the agent's action log.</param>
    /// <param name="goal">The task the agent was given.</param>
    /// <param name="reason">Why the run did not finish.</param>
    public AgentRunFailedException(string agent, long runId, string goal, string reason)
        : base(Describe(agent, runId, goal, reason))
    {
        Agent = agent;
        RunId = runId;
        Goal = goal;
        Reason = reason;
    }

    /// <summary>Creates the exception with the error that failed the run.</summary>
    /// <param name="agent">The agent's namespace URL.</param>
    /// <param name="runId">The run's action id in the agent's action log.</param>
    /// <param name="goal">The task the agent was given.</param>
    /// <param name="reason">Why the run did not finish.</param>
    /// <param name="innerException">The error that failed the run.</param>
    public AgentRunFailedException(string agent, long runId, string goal, string reason, Exception innerException)
        : base(Describe(agent, runId, goal, reason), innerException)
    {
        Agent = agent;
        RunId = runId;
        Goal = goal;
        Reason = reason;
    }

    /// <summary>The agent's namespace URL.</summary>
    public string Agent { get; }

    /// <summary>The run's action id in the agent's action log (<c>host.Object&lt;TAgent&gt;(ns).Action(RunId)</c>).</summary>
    public long RunId { get; }

    /// <summary>The task the agent was given.</summary>
    public string Goal { get; }

    /// <summary>Why the run did not finish: the last error and the attempts made, or the turn limit.</summary>
    public string Reason { get; }

    private static string Describe(string agent, long runId, string goal, string reason)
        => $"The agent {agent} did not finish run {runId} (\"{(goal.Length <= 120 ? goal : goal[..117] + "...")}\"): {reason}";
}
