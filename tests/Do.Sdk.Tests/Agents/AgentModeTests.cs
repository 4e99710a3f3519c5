using Do.Testing;
using Do.Tests.Support;

namespace Do.Tests.Agents;

/// <summary>Modes act: what an agent asks its approver about before a tool call runs.</summary>
public sealed class AgentModeTests
{
    private const string Desk = "https://desk.example";

    private static ScriptedChatClient AssignScript() => new ScriptedChatClient()
        .CallTool("Incident_Assign", """{"id":"i-1","owner":"ada"}""")
        .Reply("Assigned.");

    [Fact]
    public async Task Supervised_makes_a_write_tool_wait_for_approval_while_Autonomous_does_not()
    {
        using var temp = new TempFolder();
        var model = AssignScript();
        await using var host = await DoHost.StartAsync(o => { o.DataPath = temp.Path; o.ChatClient = model; });
        var boss = host.Object<Supervisor>(ApprovingResponder.Boss);

        // Autonomous (an agent's default): Assign is not RequiresApproval, so it runs without asking.
        var autonomous = host.Object<ApprovingResponder>(Desk);
        await autonomous.Incidents.Create("i-1", new Incident { Title = "Slow checkout" });
        var done = await autonomous.Run("Give i-1 to ada.");
        Assert.Equal("ada", (await autonomous.Incident("i-1").Get()).Owner);
        Assert.Equal(AgentRunStatus.Completed, done.Status);
        Assert.Empty(await boss.Approvals.Pending());

        // Supervised: the same call waits for the boss.
        model.CallTool("Incident_Assign", """{"id":"i-1","owner":"ada"}""").Reply("Assigned.");
        var supervised = host.Object<SupervisedResponder>("https://supervised.example");
        await supervised.Incidents.Create("i-1", new Incident { Title = "Slow checkout" });
        var run = supervised.Run("Give i-1 to ada.");
        await Wait.UntilAsync(async () => (await boss.Approvals.Pending()).Count == 1, "the boss is asked");
        var pending = Assert.Single(await boss.Approvals.Pending());
        Assert.Contains("Incident_Assign", pending.Text, StringComparison.Ordinal);
        Assert.Null((await supervised.Incident("i-1").Get()).Owner); // not yet

        await boss.Approvals.Respond(pending.Id, approved: true, by: "boss");
        Assert.Equal(AgentRunStatus.Completed, (await run.WaitAsync(Wait.Guard)).Status);
        Assert.Equal("ada", (await supervised.Incident("i-1").Get()).Owner);
    }

    [Fact]
    public async Task Supervised_reads_without_asking_and_Manual_asks_before_a_read()
    {
        using var temp = new TempFolder();
        var model = new ScriptedChatClient().CallTool("Incident_Get", """{"id":"i-1"}""").Reply("Read it.");
        await using var host = await DoHost.StartAsync(o => { o.DataPath = temp.Path; o.ChatClient = model; });
        var boss = host.Object<Supervisor>(ApprovingResponder.Boss);
        var supervised = host.Object<SupervisedResponder>("https://supervised.example");
        await supervised.Incidents.Create("i-1", new Incident { Title = "Slow checkout" });

        Assert.Equal("Read it.", (await supervised.Run("Read i-1.")).Output);
        Assert.Empty(await boss.Approvals.Pending());

        model.CallTool("Incident_Get", """{"id":"i-1"}""").Reply("Read it.");
        var manual = host.Object<ManualResponder>("https://manual.example");
        await manual.Incidents.Create("i-1", new Incident { Title = "Slow checkout" });
        var run = manual.Run("Read i-1.");
        await Wait.UntilAsync(async () => (await boss.Approvals.Pending()).Count == 1, "the boss is asked before the read");
        var pending = Assert.Single(await boss.Approvals.Pending());
        Assert.Contains("Incident_Get", pending.Text, StringComparison.Ordinal);

        await boss.Approvals.Respond(pending.Id, approved: false, by: "boss", comment: "no");
        var done = await run.WaitAsync(Wait.Guard);
        var step = Assert.Single(done.Steps, s => s.Kind == AgentStepKind.ToolCall);
        Assert.StartsWith("Refused: boss did not approve Incident_Get", step.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Humans_default_to_Manual_agents_to_Autonomous()
    {
        Assert.Equal(WorkerMode.Manual, new Supervisor().Mode);
        Assert.Equal(WorkerMode.Autonomous, new Responder().Mode);
    }
}

public partial class SupervisedResponder : Agent
{
    protected override void Configure(Context ctx)
    {
        Mode = WorkerMode.Supervised;
        ctx.Tools.Add<Incident>().RequireApprovalFrom<Supervisor>(ApprovingResponder.Boss);
    }
}

public partial class ManualResponder : Agent
{
    protected override void Configure(Context ctx)
    {
        Mode = WorkerMode.Manual;
        ctx.Tools.Add<Incident>().RequireApprovalFrom<Supervisor>(ApprovingResponder.Boss);
    }
}
