using Do.Orleans.Tests.Support;

namespace Do.Orleans.Tests;

/// <summary>Durable steps and workers through the cluster client: signals, queued calls and approvals cross silos.</summary>
[Collection(ClusterCollection.Name)]
public sealed class WorkerGrainTests(ClusterFixture fixture)
{
    private global::Orleans.IClusterClient Client => fixture.Client;

    [Fact]
    public async Task A_signal_sent_through_the_cluster_completes_the_waiting_action()
    {
        var board = Client.Object<Board>("https://boards.test/signal");
        await board.Errands.Create("e", new Errand());
        await board.Errand("e").AsQueued().AwaitGo();
        var waiting = await WaitingAction(board, "AwaitGo");

        Assert.True(await board.Signal(waiting.Id, "go", "ship it"));

        await Wait.UntilAsync(async () => (await board.Errand("e").Get()).Outcome == "go: ship it", "the signalled action completes");
        Assert.Equal(ActionStatus.Completed, (await board.Action(waiting.Id))!.Status);
        await Assert.ThrowsAsync<InvalidOperationException>(() => board.Signal(waiting.Id, "go", "again"));
    }

    [Fact]
    public async Task An_AsQueued_call_returns_before_the_verb_runs_and_it_runs_after()
    {
        var board = Client.Object<Board>("https://boards.test/queued");
        await board.Errands.Create("e", new Errand());
        var key = "queued-" + Guid.NewGuid().ToString("N");
        var gate = Errand.Gates[key] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        await board.Errand("e").AsQueued().Gated(key).WaitAsync(Wait.Guard);

        // The call came back although the verb cannot finish (its gate is shut), and the verb starts on its own after.
        // The object is not read meanwhile: the running verb holds its turn until the gate opens.
        await Wait.Until(() => Errand.Entered.ContainsKey(key), "the queued verb starts after the call returned");
        gate.SetResult();
        await Wait.UntilAsync(async () => (await board.Errand("e").Get()).Outcome == "ran " + key, "the queued verb runs");
        var action = Assert.Single(await board.Actions(new ActionFilter { Verb = "Gated" }));
        Assert.Equal(ActionStatus.Completed, action.Status);
    }

    [Fact]
    public async Task An_approval_answered_through_the_cluster_unblocks_the_waiting_action()
    {
        var board = Client.Object<Board>("https://boards.test/approval");
        var human = "https://people.test/alice";
        await board.Errands.Create("e", new Errand());
        await board.Errand("e").AsQueued().AskApproval(human);

        IReadOnlyList<ApprovalRequest> pending = [];
        await Wait.UntilAsync(async () => (pending = await Client.Object<Approver>(human).Approvals.Pending()).Count == 1, "alice has the request");
        var request = pending[0];
        Assert.Equal(("ship the errand?", "https://boards.test/approval"), (request.Text, request.Requester));

        await Client.Object<Approver>(human).Approvals.Respond(request.Id, approved: true, by: "alice", comment: "go");

        await Wait.UntilAsync(async () => (await board.Errand("e").Get()).Outcome == "approved by alice: go", "the approved action completes");
        Assert.Empty(await Client.Object<Approver>(human).Approvals.Pending());
        await Assert.ThrowsAsync<InvalidOperationException>(() => Client.Object<Approver>(human).Approvals.Respond(request.Id, false, "alice"));
    }

    [Fact]
    public async Task Approvals_of_an_object_that_is_not_a_human_fail_naming_it()
    {
        var board = Client.Object<Board>("https://boards.test/not-human");
        await board.Errands.Create("e", new Errand());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => board.Transport.ApprovalsAsync(CancellationToken.None));

        Assert.Contains("https://boards.test/not-human is a Do.Orleans.Tests.Support.Board, not a Human", error.Message, StringComparison.Ordinal);
    }

    private static async Task<ActionInfo> WaitingAction(ObjectClient obj, string verb)
    {
        ActionInfo? waiting = null;
        await Wait.UntilAsync(async () => (waiting = (await obj.Actions(new ActionFilter { Verb = verb })).FirstOrDefault(a => a.Status == ActionStatus.Waiting)) is not null, $"{verb} waits");
        return waiting!;
    }
}
