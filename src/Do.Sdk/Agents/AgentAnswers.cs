using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Do.Execution;
using Do.Hosting;
using Do.Storage;
using Do.Workers;

namespace Do.Agents;

/// <summary>
/// How an agent answers the worker interface: <c>Ask</c>, <c>Decide</c>, <c>Generate</c> and <c>Approve</c> through its
/// chat client in its own voice (instructions and chat options), <c>Do</c> as a run of its loop. These run in the
/// agent's activation; the caller journals what they return in its own action.
/// </summary>
internal static class AgentAnswers
{
    public const string ApproveOption = "approve";
    public const string RejectOption = "reject";

    public static Agent Of(Context ctx)
        => ctx.Activation.Instance as Agent
            ?? throw new InvalidOperationException($"{ctx.Ns} is a {ctx.Activation.Instance.GetType().Name}, not an Agent.");

    public static Task<string> AskAsync(Context ctx, string question)
    {
        var agent = Of(ctx);
        return AiPrimitives.AskAsync(ctx.Activation, "ask", new Prompt(question, []), agent.SystemPrompt, agent.BaseChatOptions);
    }

    public static Task<string> DecideAsync(Context ctx, string question, IReadOnlyList<string> options)
    {
        var agent = Of(ctx);
        return AiPrimitives.DecideAsync(ctx.Activation, new Prompt(question, []), options, agent.SystemPrompt, agent.BaseChatOptions);
    }

    public static Task<T> GenerateAsync<T>(Context ctx, string prompt, JsonTypeInfo<T> json)
    {
        var agent = Of(ctx);
        return AiPrimitives.GenerateAsync(ctx.Activation, new Prompt(prompt, []), json, agent.SystemPrompt, agent.BaseChatOptions);
    }

    /// <summary>An agent approves by choosing between approve and reject; the decision is its, by <c>agent:{ns}</c>.</summary>
    public static async Task<ApprovalDecision> ApproveAsync(Context ctx, string request)
    {
        var choice = await DecideAsync(ctx, "Do you approve this request?\n\n" + request, [ApproveOption, RejectOption]).ConfigureAwait(false);
        return new ApprovalDecision(choice == ApproveOption, "agent:" + ctx.Ns, null);
    }

    /// <summary>
    /// Records a run of the agent toward <paramref name="task"/> as a pending action that replies to the requester's
    /// waiting action when it ends, and starts it after the current turn. Returns the signal the reply carries.
    /// </summary>
    public static string StartRun(ObjectActivation agent, string task, string requester, long requesterAction)
    {
        var db = agent.Database;
        agent.MarkPending();
        var id = db.Actions.InsertPending(Agent.RunAction, requester, "", null, db.Branches.Current, RunInput(task, requester, requesterAction), null, Durability.Do);
        agent.ResumeLater(id);
        return ReplySignal(agent.Namespace.Value, id);
    }

    /// <summary>After a run that a worker's <c>Do</c> started: hands its output to the waiting action, once (a journaled step).</summary>
    public static async Task ReplyAsync(Context ctx, string? inputJson, string? runJson)
    {
        if (inputJson is null)
        {
            return;
        }

        string? requester;
        long action;
        using (var document = JsonDocument.Parse(inputJson))
        {
            if (!document.RootElement.TryGetProperty("replyTo", out var replyTo) || replyTo.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            requester = replyTo.GetProperty("ns").GetString();
            action = replyTo.GetProperty("action").GetInt64();
        }

        var output = runJson is null ? "" : AgentRunJson.Read(runJson).Output ?? "";
        var signal = ReplySignal(ctx.Ns, ctx.ActionId ?? 0);
        var host = ctx.Activation.Host;
        await AgentJournal.Step(ctx, "reply", async token =>
        {
            try
            {
                await host.Object(requester!).Signal(action, signal, output, StepJsonContext.Default.String, token).ConfigureAwait(false);
            }
            catch (InvalidOperationException)
            {
                // The requester's action is over (failed, or timed out and moved on): nobody waits for this result.
            }

            return "";
        }).ConfigureAwait(false);
    }

    private static string ReplySignal(string agent, long run) => $"do:{agent}#{run}";

    private static string RunInput(string task, string requester, long action)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("goal", task);
            writer.WriteStartObject("replyTo");
            writer.WriteString("ns", requester);
            writer.WriteNumber("action", action);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
