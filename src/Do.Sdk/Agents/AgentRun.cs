namespace Do;

/// <summary>
/// The outcome of <c>host.Object&lt;TAgent&gt;(ns).Run(goal)</c>: the run's durable action, how it ended, the model's
/// answer and every step it took. Recorded as the run action's output in the agent's file.
/// </summary>
public sealed record AgentRun
{
    /// <summary>The id of the run's durable action in the agent's action log (the same after a crash and resume).</summary>
    public required long Id { get; init; }

    /// <summary>How the run ended.</summary>
    public required AgentRunStatus Status { get; init; }

    /// <summary>The model's final answer (or, after <see cref="AgentRunStatus.MaxIterationsReached"/>, its last text).</summary>
    public string? Output { get; init; }

    /// <summary>The model turns and tool calls, in the order they happened.</summary>
    public IReadOnlyList<AgentStep> Steps { get; init; } = [];

    /// <summary>Tokens the model read over the whole run, as reported by the chat client.</summary>
    public long InputTokens { get; init; }

    /// <summary>Tokens the model wrote over the whole run, as reported by the chat client.</summary>
    public long OutputTokens { get; init; }
}
