using Do.Testing;
using Do.Tests.Support;
using Microsoft.Extensions.AI;

namespace Do.Tests.Agents;

/// <summary>A RequiresApproval tool asks the agent's approver first, as a durable wait; the verb runs only when approved.</summary>
public sealed class AgentApprovalTests
{
    private const string Desk = "https://desk.example";

    private static ScriptedChatClient RefundScript() => new ScriptedChatClient()
        .CallTool("Incident_Refund", """{"id":"i-1","amount":50}""")
        .Reply("Done with the refund.");

    private static string LastToolResult(ScriptedChatClient model)
        => model.Requests[^1].Messages[^1].Contents.OfType<FunctionResultContent>().Single().Result?.ToString() ?? "";

    [Fact]
    public async Task A_RequiresApproval_tool_waits_for_the_human_then_runs_once_when_approved()
    {
        using var temp = new TempFolder();
        var model = RefundScript();
        await using var host = await DoHost.StartAsync(o => { o.DataPath = temp.Path; o.ChatClient = model; });
        var desk = host.Object<ApprovingResponder>(Desk);
        var boss = host.Object<Supervisor>(ApprovingResponder.Boss);
        await desk.Incidents.Create("i-1", new Incident { Title = "Double charge" });

        var run = desk.Run("Refund 50 on i-1.");
        await Wait.UntilAsync(async () => (await boss.Approvals.Pending()).Count == 1, "the boss has the request");

        var pending = Assert.Single(await boss.Approvals.Pending());
        Assert.Equal(Desk, pending.Requester);
        Assert.Contains("Incident_Refund", pending.Text, StringComparison.Ordinal);
        Assert.Contains("\"amount\":50", pending.Text, StringComparison.Ordinal);
        Assert.False(run.IsCompleted);
        Assert.Equal(0m, (await desk.Incident("i-1").Get()).Credit); // the verb has not run
        Assert.Single(model.Requests);

        // The waiting run does not hold the agent's turn: its own things still take calls.
        await desk.Incident("i-1").Assign("ada");
        Assert.Equal("ada", (await desk.Incident("i-1").Get()).Owner);

        await boss.Approvals.Respond(pending.Id, approved: true, by: "boss", comment: "fine");
        var done = await run.WaitAsync(Wait.Guard);

        Assert.Equal(AgentRunStatus.Completed, done.Status);
        Assert.Equal("Done with the refund.", done.Output);
        Assert.Equal(50m, (await desk.Incident("i-1").Get()).Credit);
        Assert.Single(await desk.Actions(), a => a.Verb == "Refund" && a.Status == ActionStatus.Completed);
        Assert.Equal("""{"ok":true}""", LastToolResult(model));
        Assert.Equal(2, model.Requests.Count); // the first turn was not asked again when the run resumed
        Assert.Empty(await boss.Approvals.Pending());
    }

    [Fact]
    public async Task A_rejected_call_never_runs_and_the_model_reads_the_refusal_with_the_comment()
    {
        using var temp = new TempFolder();
        var model = RefundScript();
        await using var host = await DoHost.StartAsync(o => { o.DataPath = temp.Path; o.ChatClient = model; });
        var desk = host.Object<ApprovingResponder>(Desk);
        var boss = host.Object<Supervisor>(ApprovingResponder.Boss);
        await desk.Incidents.Create("i-1", new Incident { Title = "Double charge" });

        var run = desk.Run("Refund 50 on i-1.");
        await Wait.UntilAsync(async () => (await boss.Approvals.Pending()).Count == 1, "the boss has the request");
        var pending = Assert.Single(await boss.Approvals.Pending());
        await boss.Approvals.Respond(pending.Id, approved: false, by: "boss", comment: "not without a receipt");
        var done = await run.WaitAsync(Wait.Guard);

        Assert.Equal(AgentRunStatus.Completed, done.Status);
        Assert.Equal(0m, (await desk.Incident("i-1").Get()).Credit);
        Assert.DoesNotContain(await desk.Actions(), a => a.Verb == "Refund");
        var result = LastToolResult(model);
        Assert.StartsWith("Refused: boss did not approve Incident_Refund", result, StringComparison.Ordinal);
        Assert.Contains("not without a receipt", result, StringComparison.Ordinal);
        var step = Assert.Single(done.Steps, s => s.Kind == AgentStepKind.ToolCall);
        Assert.Equal(result, step.Output);
    }

    [Fact]
    public async Task Without_an_approver_a_RequiresApproval_tool_is_refused_and_never_runs()
    {
        using var temp = new TempFolder();
        var model = RefundScript();
        await using var host = await DoHost.StartAsync(o => { o.DataPath = temp.Path; o.ChatClient = model; });
        var desk = host.Object<Responder>(Desk);
        await desk.Incidents.Create("i-1", new Incident { Title = "Double charge" });

        var run = await desk.Run("Refund 50 on i-1.");

        Assert.Equal(AgentRunStatus.Completed, run.Status);
        Assert.Equal(0m, (await desk.Incident("i-1").Get()).Credit);
        var result = LastToolResult(model);
        Assert.StartsWith("Refused: Incident_Refund needs a human's approval", result, StringComparison.Ordinal);
        Assert.Contains("RequireApprovalFrom", result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_agent_has_one_approver()
    {
        using var temp = new TempFolder();
        await using var host = await DoHost.StartAsync(o => o.DataPath = temp.Path);

        await host.Object<TwiceApproving>(Desk).Run(_ => 0);

        Assert.IsType<InvalidOperationException>(TwiceApproving.Error);
        Assert.Contains(ApprovingResponder.Boss, TwiceApproving.Error!.Message, StringComparison.Ordinal);
        Assert.Contains("https://other.example", TwiceApproving.Error.Message, StringComparison.Ordinal);
    }
}
