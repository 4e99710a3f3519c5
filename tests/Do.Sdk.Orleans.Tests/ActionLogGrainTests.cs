using Do.Orleans.Tests.Support;

namespace Do.Orleans.Tests;

/// <summary>The members added to the seam after the grain first shipped, through the cluster client: the action log with actors, undo and redo, branch deletion, edges and search.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ActionLogGrainTests(ClusterFixture fixture)
{
    private global::Orleans.IClusterClient Client => fixture.Client;

    [Fact]
    public async Task The_log_records_the_actor_of_As_and_reads_and_filters_through_the_cluster()
    {
        var board = Client.Object<Board>("https://boards.test/log");
        await board.Counters.Create("c", new Counter());

        await board.As("alice").Counter("c").Increment(2);
        await board.As("bob").Counter("c").Increment(3);

        var log = await board.Actions();
        var alices = await board.Actions(new ActionFilter { Actor = "alice" });
        Assert.Equal(["Increment", "Increment", "create"], log.Select(a => a.Verb));
        Assert.Equal(["bob", "alice", "system"], log.Select(a => a.Actor));
        Assert.Equal("{\"by\":2}", Assert.Single(alices).Input);
        Assert.Equal(log[1], await board.Action(log[1].Id));
        Assert.Null(await board.Action(999_999));
    }

    [Fact]
    public async Task A_handler_on_another_silo_object_writes_as_the_actor_of_the_cross_object_call()
    {
        var a = Client.Object<Board>("https://boards.test/actor-a");
        var b = "https://boards.test/actor-b";

        await a.As("carol").Relay(b, 1);

        var notes = await Client.Object<Board>(b).Actions(new ActionFilter { Verb = "create" });
        Assert.Equal("carol", Assert.Single(notes).Actor);
        Assert.All(await a.Actions(new ActionFilter { Verb = "create" }), action => Assert.Equal("carol", action.Actor));
    }

    [Fact]
    public async Task Undo_and_redo_through_the_cluster_and_a_conflict_writes_nothing()
    {
        var board = Client.Object<Board>("https://boards.test/undo");
        await board.Counters.Create("c", new Counter());
        await board.Counter("c").Increment(4);
        var increment = (await board.Actions(new ActionFilter { Verb = "Increment" }))[0];

        var undo = await board.As("dave").Undo(increment.Id);
        Assert.Equal(0, (await board.Counter("c").Get()).Value);
        Assert.Equal(("dave", ActionStatus.Undone), (undo.Actor, (await board.Action(increment.Id))!.Status));
        await board.Redo(increment.Id);
        Assert.Equal(4, (await board.Counter("c").Get()).Value);

        await board.Counter("c").Increment(1);
        var before = await board.Actions();
        var conflict = await Assert.ThrowsAsync<UndoConflictException>(() => board.Undo(increment.Id));
        Assert.Contains("value", conflict.Message, StringComparison.Ordinal);
        Assert.Equal(5, (await board.Counter("c").Get()).Value);
        Assert.Equal(before, await board.Actions());
    }

    [Fact]
    public async Task DeleteBranch_edges_and_search_work_on_a_clustered_object()
    {
        var board = Client.Object<Board>("https://boards.test/graph");
        var other = Client.Object<Board>("https://boards.test/graph-other");
        await board.Cards.Create("orleans", new Card { Title = "Virtual actors on a cluster" });
        await board.Cards.Create("sqlite", new Card { Title = "One file per object" });
        await other.Cards.Create("far", new Card { Title = "Far away" });
        await board.Branch("scratch");

        Assert.Equal("scratch", await board.DeleteBranch("scratch"));
        Assert.Equal(["main"], await board.Branches());

        Assert.True(await board.Card("orleans").Relate("links", other.Card("far")));
        Assert.Equal("Far away", Assert.Single(await board.Card("orleans").Related<Card>("links")).Value!.Title);
        Assert.Equal("Virtual actors on a cluster", Assert.Single(await other.Card("far").RelatedFrom<Card>()).Value!.Title);
        Assert.True(await board.Card("orleans").Unrelate("links", other.Card("far")));
        Assert.Empty(await other.Card("far").RelatedFrom<Card>());

        var hits = await board.Cards.Search("actor*");
        Assert.Equal("https://boards.test/graph/orleans", Assert.Single(hits).Id);
    }
}
