using Do.AspNetCore.Tests.Support;
using Do.Testing;
using Do.Tests.Support;

namespace Do.AspNetCore.Tests;

/// <summary>Durable steps and workers over a real Kestrel through the typed client: signals, queued calls, approvals and agent runs.</summary>
public sealed class WorkerEndpointsTests : IAsyncLifetime
{
    private DoServer _server = null!;
    private readonly ScriptedChatClient _model = new ScriptedChatClient()
        .CallTool("Ticket_Refund", """{"id":"t-1","amount":50}""")
        .Reply("Refunded.");

    public async Task InitializeAsync() => _server = await DoServer.StartAsync(chat: _model);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_signal_sent_over_http_completes_the_waiting_action()
    {
        var studio = _server.Client().Object<Studio>("https://startups.studio/signal");
        await studio.Errands.Create("e", new Errand());
        await studio.Errand("e").AsQueued().AwaitGo();
        var waiting = await WaitingAction(studio, "AwaitGo");

        Assert.True(await studio.Signal(waiting.Id, "go", "ship it"));

        await Wait.UntilAsync(async () => (await studio.Errand("e").Get()).Outcome == "go: ship it", "the signalled action completes");
        Assert.Equal(ActionStatus.Completed, (await studio.Action(waiting.Id))!.Status);
        var late = await Assert.ThrowsAsync<InvalidOperationException>(() => studio.Signal(waiting.Id, "go", "again"));
        Assert.Contains(waiting.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), late.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_AsQueued_call_over_http_returns_before_the_verb_runs_and_it_runs_after()
    {
        var studio = _server.Client().Object<Studio>("https://startups.studio/queued");
        await studio.Errands.Create("e", new Errand());
        var key = "queued-" + Guid.NewGuid().ToString("N");
        var gate = Errand.Gates[key] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        await studio.Errand("e").AsQueued().Gated(key).WaitAsync(Wait.Guard);

        // The call came back although the verb cannot finish (its gate is shut), and the verb starts on its own after.
        // The object is not read meanwhile: the running verb holds its turn until the gate opens.
        await Wait.Until(() => Errand.Entered.ContainsKey(key), "the queued verb starts after the call returned");
        gate.SetResult();
        await Wait.UntilAsync(async () => (await studio.Errand("e").Get()).Outcome == "ran " + key, "the queued verb runs");
        var action = Assert.Single(await studio.Actions(new ActionFilter { Verb = "Gated" }));
        Assert.Equal(ActionStatus.Completed, action.Status);
    }

    [Fact]
    public async Task Queued_with_another_durability_is_a_400_naming_it()
    {
        using var http = _server.Http();
        var path = "/do/" + Uri.EscapeDataString("https://startups.studio/bad-queued") + "/things/Errand/e/AwaitGo?durability=send&queued=true";

        var response = await http.PostAsync(new Uri(path, UriKind.Relative), null);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.StartsWith("queued=true with durability=\"send\": a queued call runs as a do action", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_approval_answered_over_http_unblocks_the_waiting_action()
    {
        var studio = _server.Client(DoServer.ActorKey).Object<Studio>("https://startups.studio/approval");
        var human = _server.Client(DoServer.ActorKey).Object<Approver>("https://startups.studio/alice");
        await studio.Errands.Create("e", new Errand());
        await studio.Errand("e").AsQueued().AskApproval(human.Ns);

        IReadOnlyList<ApprovalRequest> pending = [];
        await Wait.UntilAsync(async () => (pending = await human.Approvals.Pending()).Count == 1, "alice has the request");
        var request = pending[0];
        Assert.Equal(("ship the errand?", "https://startups.studio/approval"), (request.Text, request.Requester));

        await human.Approvals.Respond(request.Id, approved: true, by: "user:alice", comment: "go");

        await Wait.UntilAsync(async () => (await studio.Errand("e").Get()).Outcome == "approved by user:alice: go", "the approved action completes");
        Assert.Empty(await human.Approvals.Pending());
        await Assert.ThrowsAsync<InvalidOperationException>(() => human.Approvals.Respond(request.Id, false, "user:alice"));
    }

    [Fact]
    public async Task Nobody_answers_in_a_name_they_were_not_granted_and_the_request_stays_open()
    {
        var studio = _server.Client().Object<Studio>("https://startups.studio/spoof");
        var human = _server.Client().Object<Approver>("https://startups.studio/bob");
        await studio.Errands.Create("e", new Errand());
        await studio.Errand("e").AsQueued().AskApproval(human.Ns);
        await Wait.UntilAsync(async () => (await human.Approvals.Pending()).Count == 1, "bob has the request");
        var request = (await human.Approvals.Pending())[0];

        var refused = await Assert.ThrowsAsync<UnauthorizedAccessException>(() => human.Approvals.Respond(request.Id, true, "user:bob"));

        Assert.Contains("may not answer as \"user:bob\"", refused.Message, StringComparison.Ordinal);
        Assert.Equal(request, Assert.Single(await human.Approvals.Pending()));
        Assert.Equal("", (await studio.Errand("e").Get()).Outcome);

        // Its own name it may use.
        await human.Approvals.Respond(request.Id, false, "api-key", "no");
        await Wait.UntilAsync(async () => (await studio.Errand("e").Get()).Outcome == "rejected by api-key: no", "the rejected action completes");
    }

    [Fact]
    public async Task An_agent_run_over_http_waits_for_the_approval_answered_over_http_then_completes()
    {
        var client = _server.Client(DoServer.ActorKey);
        var desk = client.Object<Desk>("https://startups.studio/desk");
        var boss = client.Object<Approver>(Desk.Boss);
        await desk.Tickets.Create("t-1", new Ticket { Title = "Double charge" });

        var run = desk.Run("Refund 50 on t-1.");
        await Wait.UntilAsync(async () => (await boss.Approvals.Pending()).Count == 1, "the boss has the request");
        Assert.False(run.IsCompleted);
        Assert.Equal(0m, (await desk.Ticket("t-1").Get()).Credit);

        await boss.Approvals.Respond(Assert.Single(await boss.Approvals.Pending()).Id, approved: true, by: "user:boss");
        var done = await run.WaitAsync(Wait.Guard);

        Assert.Equal((AgentRunStatus.Completed, "Refunded."), (done.Status, done.Output));
        Assert.Equal(50m, (await desk.Ticket("t-1").Get()).Credit);
        Assert.Contains(await desk.Actions(new ActionFilter { Verb = Agent.RunAction }), a => a.Id == done.Id && a.Status == ActionStatus.Completed);
    }

    [Fact]
    public async Task An_agent_run_on_an_object_that_is_not_an_agent_is_a_400_naming_it()
    {
        using var http = _server.Http();
        var path = "/do/" + Uri.EscapeDataString("https://startups.studio/not-agent") + "/agent/runs";
        await _server.Client().Object<Studio>("https://startups.studio/not-agent").Startups.Create("acme", new Startup { Name = "Acme" });

        var response = await http.PostAsync(new Uri(path, UriKind.Relative), new StringContent("""{"goal":"do it"}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.StartsWith("https://startups.studio/not-agent is a Do.AspNetCore.Tests.Studio, not an Agent", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static async Task<ActionInfo> WaitingAction(ObjectClient obj, string verb)
    {
        ActionInfo? waiting = null;
        await Wait.UntilAsync(async () => (waiting = (await obj.Actions(new ActionFilter { Verb = verb })).FirstOrDefault(a => a.Status == ActionStatus.Waiting)) is not null, $"{verb} waits");
        return waiting!;
    }
}
