using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Do.Agents;

/// <summary>
/// The observe → think → act loop of one run. It calls the model and the tools itself rather than through
/// FunctionInvokingChatClient, because each model turn and each tool call must be its own durable step: a
/// function-invoking client runs model and tools inside one call, so a crash between a tool call and the next model
/// turn would lose the record of the call and repeat it. Here the conversation is rebuilt from the steps on replay.
/// </summary>
internal static class AgentLoop
{
    public static async Task<string?> RunAsync(Agent agent, string? inputJson, Context ctx)
    {
        var goal = ReadGoal(inputJson);
        var client = ctx.Activation.Host.Options.ChatClient
            ?? throw new NonRetryableException($"{agent.GetType().Name} at {ctx.Ns} has no model: set DoHostOptions.ChatClient (o => o.ChatClient = ...) or register an IChatClient before AddDurableObjects.");
        var tools = agent.Tools;
        var options = agent.BaseChatOptions?.Clone() ?? new ChatOptions();
        options.Tools = tools.AsChatTools();

        var messages = new List<ChatMessage>();
        if (agent.SystemPrompt is { Length: > 0 } instructions)
        {
            messages.Add(new ChatMessage(ChatRole.System, instructions));
        }

        messages.Add(new ChatMessage(ChatRole.User, goal));
        var steps = new List<AgentStep>();
        long inputTokens = 0, outputTokens = 0;
        string? lastText = null;
        var maxIterations = Math.Max(1, agent.MaxIterations);
        for (int turnIndex = 0; turnIndex < maxIterations; turnIndex++)
        {
            var turnJson = await AgentJournal.Step(ctx, "model:" + turnIndex, async token =>
            {
                var response = await client.GetResponseAsync(messages, options, token).ConfigureAwait(false);
                return AgentTurn.From(response).ToJson();
            }).ConfigureAwait(false);
            var turn = AgentTurn.Parse(turnJson);
            inputTokens += turn.InputTokens;
            outputTokens += turn.OutputTokens;
            lastText = turn.Text ?? lastText;
            steps.Add(new AgentStep(AgentStepKind.ModelTurn, "model", null, turn.Text, turn.InputTokens, turn.OutputTokens));
            messages.Add(turn.ToMessage());
            if (turn.Calls.Count == 0)
            {
                return Finish(ctx, AgentRunStatus.Completed, turn.Text, steps, inputTokens, outputTokens);
            }

            var results = new List<AIContent>();
            foreach (var call in turn.Calls)
            {
                var stepName = "tool:" + turnIndex + ":" + call.Id;
                var result = tools.Find(call.Name) is { } tool && ToolApprovalRule.Reason(agent.Mode, tool) is { } reason
                    ? await CallApprovedAsync(agent, ctx, tools, call, stepName, reason).ConfigureAwait(false)
                    : await AgentJournal.Step(ctx, stepName, token => CallToolAsync(tools, call, token)).ConfigureAwait(false);
                steps.Add(new AgentStep(AgentStepKind.ToolCall, call.Name, call.ArgumentsJson, result));
                results.Add(new FunctionResultContent(call.Id, result));
            }

            messages.Add(new ChatMessage(ChatRole.Tool, results));
        }

        return Finish(ctx, AgentRunStatus.MaxIterationsReached, lastText, steps, inputTokens, outputTokens);
    }

    /// <summary>
    /// A call that needs a yes (a <c>RequiresApproval</c> verb, or any call the agent's mode asks about): the human decides first, as a durable wait that suspends the run (and frees the
    /// agent's turn) until the decision arrives. The decision is journaled by the wait, so a replay neither asks again
    /// nor runs a refused verb; the tool's own step follows and records what the model reads.
    /// </summary>
    private static async Task<string> CallApprovedAsync(Agent agent, Context ctx, AgentTools tools, AgentToolCall call, string stepName, string reason)
    {
        if (tools.Approver is not { } approver)
        {
            return await AgentJournal.Step(ctx, stepName, _ => Task.FromResult(
                $"Refused: {call.Name} needs a human's approval ({reason}) and this agent has no approver, so the call was not made. (Set one in Configure: ctx.Tools.RequireApprovalFrom<THuman>(ns).)")).ConfigureAwait(false);
        }

        var decision = await approver.Approve(ctx, $"{agent.GetType().Name} at {ctx.Ns} asks to call {call.Name} with {call.ArgumentsJson}").ConfigureAwait(false);
        return await AgentJournal.Step(ctx, stepName, token => decision.Approved
            ? CallToolAsync(tools, call, token)
            : Task.FromResult($"Refused: {decision.By} did not approve {call.Name}"
                + (string.IsNullOrWhiteSpace(decision.Comment) ? "" : $" (\"{decision.Comment}\")")
                + "; the call was not made. Do not retry it unchanged.")).ConfigureAwait(false);
    }

    private static Task<string> CallToolAsync(AgentTools tools, AgentToolCall call, CancellationToken cancellationToken)
    {
        if (tools.Find(call.Name) is not { } tool)
        {
            var offered = tools.All.Count == 0 ? "none" : string.Join(", ", tools.All.Select(t => t.Name));
            return Task.FromResult($"Error: there is no tool \"{call.Name}\". Tools: {offered}.");
        }

        return tool.CallAsync(call.Arguments(), cancellationToken);
    }

    private static string Finish(Context ctx, AgentRunStatus status, string? output, List<AgentStep> steps, long inputTokens, long outputTokens)
        => AgentRunJson.Write(new AgentRun
        {
            Id = ctx.ActionId ?? 0,
            Status = status,
            Output = output,
            Steps = steps,
            InputTokens = inputTokens,
            OutputTokens = outputTokens,
        });

    private static string ReadGoal(string? inputJson)
    {
        if (inputJson is not null)
        {
            using var document = JsonDocument.Parse(inputJson);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("goal", out var goal)
                && goal.ValueKind == JsonValueKind.String
                && !string.IsNullOrWhiteSpace(goal.GetString()))
            {
                return goal.GetString()!;
            }
        }

        throw new NonRetryableException($"The input of {Agent.RunAction} is {inputJson ?? "null"}; expected {{\"goal\":\"<what to achieve>\"}}.");
    }
}
