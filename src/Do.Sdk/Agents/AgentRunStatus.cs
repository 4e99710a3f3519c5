namespace Do;

/// <summary>How an <see cref="AgentRun"/> ended.</summary>
public enum AgentRunStatus
{
    /// <summary>The model answered without asking for more tools: <see cref="AgentRun.Output"/> is its answer.</summary>
    Completed,

    /// <summary>
    /// The run stopped after <see cref="Agent.MaxIterations"/> model turns while the model still asked for tools;
    /// <see cref="AgentRun.Output"/> is the last text it wrote, if any.
    /// </summary>
    MaxIterationsReached,
}
