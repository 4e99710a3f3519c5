using Do.Agents;
using Microsoft.Extensions.AI;

namespace Do;

/// <summary>
/// A durable object that works toward a goal with a model: <c>host.Object&lt;TAgent&gt;(ns).Run(goal)</c> runs an
/// observe → think → act loop over <see cref="IChatClient"/> (<see cref="DoHostOptions.ChatClient"/>, or an
/// <see cref="IChatClient"/> registered in DI), offering the verbs declared with <c>ctx.Tools.Add&lt;TNoun&gt;()</c> in
/// <see cref="DurableObject.Configure"/> as tools. The run is a durable action of the agent: each model turn and each
/// tool call is a step of it, and the whole run (conversation, steps, token counts) is recorded in the agent's file.
/// </summary>
public abstract class Agent : Worker
{
    /// <summary>The name of the durable action a run is recorded as in the agent's action log.</summary>
    public const string RunAction = "agent.run";

    private AgentTools? _tools;

    /// <summary>An agent acts on its own by default (<see cref="WorkerMode.Autonomous"/>); set <c>Mode</c> in Configure to supervise it.</summary>
    protected Agent() => Mode = WorkerMode.Autonomous;

    /// <summary>
    /// The most model turns one run takes (default 10). A run whose model still asks for tools after that many turns
    /// ends with <see cref="AgentRunStatus.MaxIterationsReached"/>.
    /// </summary>
    public virtual int MaxIterations => 10;

    /// <summary>The system prompt sent first in every run, or null for none.</summary>
    protected virtual string? Instructions => null;

    /// <summary>
    /// Options for every model request (model id, temperature, …), or null for the client's defaults. The agent sets
    /// <see cref="ChatOptions.Tools"/> itself, from <c>ctx.Tools</c>.
    /// </summary>
    protected virtual ChatOptions? ChatOptions => null;

    internal AgentTools Tools => _tools ??= new AgentTools(Context.Activation.Transport);

    internal string? SystemPrompt => Instructions;

    internal ChatOptions? BaseChatOptions => ChatOptions;

    internal override void ConfigureBuiltIns(Context context)
    {
        context.Define(RunAction, async (input, ctx) =>
        {
            var output = await AgentLoop.RunAsync(this, input, ctx).ConfigureAwait(false);
            await AgentAnswers.ReplyAsync(ctx, input, output).ConfigureAwait(false);
            return output;
        });

        // A run that fails for good never reaches its own reply; its "agent.run.failed" event (committed with the
        // failure) does. Patterns are Noun.event with one dot, so the subscription is "agent.*", filtered in the handler.
        context.On.Subscribe(RunAction[..RunAction.IndexOf('.', StringComparison.Ordinal)] + ".*", AgentAnswers.ReplyFailedAsync);
    }
}
