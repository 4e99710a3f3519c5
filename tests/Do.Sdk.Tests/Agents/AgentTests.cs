using System.Text.Json;
using Do.Testing;
using Do.Tests.Support;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace Do.Tests.Agents;

public sealed class AgentTests
{
    private const string Desk = "https://desk.example";

    [Fact]
    public async Task A_scripted_run_with_two_tool_calls_changes_state_through_the_verbs()
    {
        using var temp = new TempFolder();
        var model = new ScriptedChatClient()
            .CallTool("Incident_Escalate", """{"id":"i-1","to":"Critical"}""", inputTokens: 120, outputTokens: 15)
            .CallTool("Incident_Assign", """{"id":"i-1","owner":"ada"}""", inputTokens: 160, outputTokens: 12)
            .Reply("Escalated i-1 and assigned it to ada.", inputTokens: 200, outputTokens: 10);
        await using var host = await DoHost.StartAsync(o =>
        {
            o.DataPath = temp.Path;
            o.ChatClient = new ChatClientBuilder(model).UseOpenTelemetry().Build(); // through real M.E.AI middleware
        });
        var desk = host.Object<Responder>(Desk);
        await desk.Incidents.Create("i-1", new Incident { Title = "Checkout is down" });

        var run = await desk.Run("Checkout is down: escalate i-1 to critical and give it to ada.");

        Assert.Equal(AgentRunStatus.Completed, run.Status);
        Assert.Equal("Escalated i-1 and assigned it to ada.", run.Output);
        var incident = await desk.Incident("i-1").Get();
        Assert.Equal(Severity.Critical, incident.Severity);
        Assert.Equal("ada", incident.Owner);
        Assert.Equal(
            [(AgentStepKind.ModelTurn, "model"), (AgentStepKind.ToolCall, "Incident_Escalate"), (AgentStepKind.ModelTurn, "model"), (AgentStepKind.ToolCall, "Incident_Assign"), (AgentStepKind.ModelTurn, "model")],
            run.Steps.Select(s => (s.Kind, s.Name)));
        Assert.Equal(480, run.InputTokens);
        Assert.Equal(37, run.OutputTokens);

        // The verbs ran as the agent, and the run itself is an action whose output is the whole run.
        var actions = await desk.Actions();
        Assert.Contains(actions, a => a.Verb == "Escalate" && a.Actor == "agent:" + Desk && a.Status == ActionStatus.Completed);
        Assert.Contains(actions, a => a.Verb == "Assign" && a.Actor == "agent:" + Desk);
        var recorded = await desk.Action(run.Id);
        Assert.NotNull(recorded);
        Assert.Equal(Agent.RunAction, recorded.Verb);
        Assert.Equal(ActionStatus.Completed, recorded.Status);
        Assert.Contains("\"Incident_Assign\"", recorded.Output, StringComparison.Ordinal);

        // The model saw the system prompt, the goal, then each tool's result before its next turn.
        var requests = model.Requests;
        Assert.Equal(3, requests.Count);
        Assert.Equal(ChatRole.System, requests[0].Messages[0].Role);
        Assert.Equal(ChatRole.User, requests[0].Messages[1].Role);
        var escalated = requests[1].Messages[^1].Contents.OfType<FunctionResultContent>().Single();
        Assert.Equal("""{"ok":true}""", escalated.Result?.ToString()); // a verb with no value: done, not an error text
    }

    [Fact]
    public async Task ChatOptions_Tools_carries_each_tools_emitted_schema()
    {
        using var temp = new TempFolder();
        var model = new ScriptedChatClient().Reply("Nothing to do.");
        await using var host = await DoHost.StartAsync(o => { o.DataPath = temp.Path; o.ChatClient = model; });

        await host.Object<Responder>(Desk).Run("Check the desk.");

        var tools = model.Requests.Single().Options!.Tools!.Cast<AIFunctionDeclaration>().ToList();
        Assert.Equal(["Incident_Escalate", "Incident_Assign", "Incident_Refund", "Incident_Get", "Incident_List"], tools.Select(t => t.Name));
        foreach (var verb in Incident.Noun.Verbs)
        {
            var tool = tools.Single(t => t.Name == "Incident_" + verb.Name);
            Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(verb.ArgumentsSchema!).RootElement, tool.JsonSchema), tool.Name);
        }

        var escalate = tools.Single(t => t.Name == "Incident_Escalate").JsonSchema;
        Assert.Equal(["Low", "High", "Critical"], escalate.GetProperty("properties").GetProperty("to").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["id", "to"], escalate.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.True(IncidentVerbs.Refund.RequiresApproval);
        Assert.False(IncidentVerbs.Assign.RequiresApproval);
    }

    [Fact]
    public async Task Bad_tool_calls_are_answered_with_errors_the_model_reads_and_the_run_goes_on()
    {
        using var temp = new TempFolder();
        var model = new ScriptedChatClient()
            .CallTools([("Incident_Escalate", """{"id":"nope","to":"High"}"""), ("Incident_Close", """{"id":"i-1"}"""), ("Incident_Escalate", """{"to":"High"}""")])
            .Reply("I could not do it.");
        await using var host = await DoHost.StartAsync(o => { o.DataPath = temp.Path; o.ChatClient = model; });
        var desk = host.Object<Responder>(Desk);
        await desk.Incidents.Create("i-1", new Incident { Title = "t" });

        var run = await desk.Run("Escalate nope.");

        Assert.Equal(AgentRunStatus.Completed, run.Status);
        var results = model.Requests[1].Messages[^1].Contents.OfType<FunctionResultContent>().Select(r => r.Result?.ToString() ?? "").ToList();
        Assert.Equal(3, results.Count);
        Assert.StartsWith("Error:", results[0], StringComparison.Ordinal);
        Assert.Contains("nope", results[0], StringComparison.Ordinal);
        Assert.Contains("no tool \"Incident_Close\"", results[1], StringComparison.Ordinal);
        Assert.Contains("Incident_Escalate, Incident_Assign", results[1], StringComparison.Ordinal);
        Assert.Contains("needs \"id\"", results[2], StringComparison.Ordinal);
        Assert.Equal(Severity.Low, (await desk.Incident("i-1").Get()).Severity);
    }

    [Fact]
    public async Task Get_and_List_tools_read_things_as_JSON()
    {
        using var temp = new TempFolder();
        var model = new ScriptedChatClient()
            .CallTools([("Incident_Get", """{"id":"i-2"}"""), ("Incident_List", "{}")])
            .Reply("Two incidents.");
        await using var host = await DoHost.StartAsync(o => { o.DataPath = temp.Path; o.ChatClient = model; });
        var desk = host.Object<Responder>(Desk);
        await desk.Incidents.Create("i-1", new Incident { Title = "one" });
        await desk.Incidents.Create("i-2", new Incident { Title = "two" });

        await desk.Run("What is open?");

        var results = model.Requests[1].Messages[^1].Contents.OfType<FunctionResultContent>().Select(r => JsonDocument.Parse(r.Result!.ToString()!).RootElement).ToList();
        Assert.Equal("two", results[0].GetProperty("title").GetString());
        Assert.Equal(["one", "two"], results[1].EnumerateArray().Select(e => e.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task A_run_stops_after_MaxIterations_model_turns()
    {
        using var temp = new TempFolder();
        var model = new ScriptedChatClient()
            .CallTool("Incident_List", "{}")
            .CallTool("Incident_List", "{}")
            .Reply("never reached");
        await using var host = await DoHost.StartAsync(o => { o.DataPath = temp.Path; o.ChatClient = model; });

        var run = await host.Object<ShortResponder>(Desk).Run("Loop.");

        Assert.Equal(AgentRunStatus.MaxIterationsReached, run.Status);
        Assert.Equal(2, model.Requests.Count);
        Assert.Equal(1, model.Remaining);
    }

    [Fact]
    public async Task Without_a_chat_client_a_run_fails_at_once_and_says_how_to_set_one()
    {
        using var temp = new TempFolder();
        await using var host = await DoHost.StartAsync(o => o.DataPath = temp.Path);

        var e = await Assert.ThrowsAsync<ActionFailedException>(() => host.Object<Responder>(Desk).Run("Anything."));

        Assert.Contains("DoHostOptions.ChatClient", e.InnerException?.Message ?? e.Message, StringComparison.Ordinal);
        Assert.Equal(1, e.Attempts);
    }

    [Fact]
    public async Task An_empty_goal_is_refused_before_anything_runs()
    {
        using var temp = new TempFolder();
        var model = new ScriptedChatClient();
        await using var host = await DoHost.StartAsync(o => { o.DataPath = temp.Path; o.ChatClient = model; });
        var desk = host.Object<Responder>(Desk);

        var e = await Assert.ThrowsAsync<ArgumentException>(() => desk.Run("  "));

        Assert.Contains("goal", e.Message, StringComparison.Ordinal);
        Assert.Empty(await desk.Actions());
    }

    [Fact]
    public async Task A_chat_client_registered_in_DI_is_the_agents_model()
    {
        using var temp = new TempFolder();
        var model = new ScriptedChatClient().Reply("From DI.");
        var services = new ServiceCollection()
            .AddSingleton<IChatClient>(model)
            .AddDurableObjects(o => o.DataPath = temp.Path);
        await using var provider = services.BuildServiceProvider();
        var host = provider.GetRequiredService<DoHost>();

        var run = await host.Object<Responder>(Desk).Run("Hello.");

        Assert.Equal("From DI.", run.Output);
    }

    [Fact]
    public async Task Tools_belong_to_agents()
    {
        using var temp = new TempFolder();
        await using var host = await DoHost.StartAsync(o => o.DataPath = temp.Path);

        await host.Object<NotAnAgent>(Desk).Run(_ => 0);

        Assert.IsType<InvalidOperationException>(NotAnAgent.Error);
        Assert.Contains(": Agent", NotAnAgent.Error!.Message, StringComparison.Ordinal);
    }
}
