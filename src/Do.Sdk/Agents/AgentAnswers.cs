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

    /// <summary>
    /// The caller's side of <see cref="StartRun"/>: waits durably for the run's reply and returns its output, or throws
    /// <see cref="AgentRunFailedException"/> for a run that did not finish. The reply is journaled by the wait, so a
    /// replay returns (or throws) the same without another run.
    /// </summary>
    public static async Task<string> AwaitRunAsync(Context caller, string signal, TimeSpan timeout, string agent)
        => (await caller.WaitFor(signal, timeout, AgentReply.Json).ConfigureAwait(false)).OutputOrThrow(agent);

    /// <summary>
    /// After a run that a worker's <c>Do</c> started: hands its output to the waiting action, once (a journaled step).
    /// A run that stopped at its turn limit did not do the task, so it replies with a failure instead.
    /// </summary>
    public static async Task ReplyAsync(Context ctx, string? inputJson, string? runJson)
    {
        if (ReplyTo(inputJson) is not { } replyTo)
        {
            return;
        }

        var run = runJson is null ? null : AgentRunJson.Read(runJson);
        var reply = run is { Status: AgentRunStatus.MaxIterationsReached }
            ? AgentReply.Failure(run.Id, replyTo.Goal, Unfinished(run))
            : new AgentReply(run?.Output ?? "");
        var host = ctx.Activation.Host;
        var signal = ReplySignal(ctx.Ns, ctx.ActionId ?? 0);
        await AgentJournal.Step(ctx, "reply", async token =>
        {
            await SendAsync(host, replyTo, signal, reply, token).ConfigureAwait(false);
            return "";
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// An <c>agent.run.failed</c> event: a run failed for good (its retries spent, a non-retryable error, cancelled), so
    /// its own reply never ran. Tells the action waiting for it why. The event commits with the failure and is
    /// redelivered after a crash, so the waiting action always hears; a repeat finds it no longer waiting.
    /// </summary>
    public static async Task ReplyFailedAsync(EventRecord e, Context ctx)
    {
        if (e.Type != Agent.RunAction + ".failed" || e.ActionId is not long run
            || ctx.Activation.Database.Actions.Get(run) is not { } action || ReplyTo(action.Input) is not { } replyTo)
        {
            return;
        }

        var error = $"{action.Error ?? "the run failed"} (after {action.Attempts} attempt(s))";
        await SendAsync(ctx.Activation.Host, replyTo, ReplySignal(ctx.Ns, run), AgentReply.Failure(run, replyTo.Goal, error), CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>Why a run that ended at its turn limit did not finish, with the last text the model wrote.</summary>
    public static string Unfinished(AgentRun run)
    {
        var turns = run.Steps.Count(s => s.Kind == AgentStepKind.ModelTurn);
        return $"it stopped after {turns} model turns (Agent.MaxIterations) while the model still asked for tools"
            + (string.IsNullOrWhiteSpace(run.Output) ? "" : $"; its last text: \"{AiSteps.Shorten(run.Output)}\"");
    }

    private static async Task SendAsync(DoHost host, (string Ns, long Action, string Goal) replyTo, string signal, AgentReply reply, CancellationToken cancellationToken)
    {
        try
        {
            await host.Object(replyTo.Ns).Signal(replyTo.Action, signal, reply, AgentReply.Json, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // The requester's action is over (failed, or timed out and moved on): nobody waits for this result.
        }
    }

    /// <summary>Who waits for a run (a run started by <see cref="StartRun"/>), and the goal it was given; null for other runs.</summary>
    private static (string Ns, long Action, string Goal)? ReplyTo(string? inputJson)
    {
        if (inputJson is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(inputJson);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("replyTo", out var replyTo) || replyTo.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var goal = root.TryGetProperty("goal", out var g) && g.ValueKind == JsonValueKind.String ? g.GetString() ?? "" : "";
        return (replyTo.GetProperty("ns").GetString()!, replyTo.GetProperty("action").GetInt64(), goal);
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
