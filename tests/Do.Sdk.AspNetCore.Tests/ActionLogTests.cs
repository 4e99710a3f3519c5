using Do.AspNetCore.Tests.Support;

namespace Do.AspNetCore.Tests;

/// <summary>The action log over HTTP through the typed client: reading and filtering, actors and their authorization, undo and redo, branch deletion.</summary>
public sealed class ActionLogTests : IAsyncLifetime
{
    private DoServer _server = null!;

    public async Task InitializeAsync() => _server = await DoServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_log_reads_and_filters_over_http_and_records_the_authenticated_principal()
    {
        var studio = _server.Client().Object<Studio>("https://startups.studio/log");
        await studio.Startups.Create("acme", new Startup { Name = "Acme" });
        await studio.Startup("acme").Prioritize(2);
        await studio.Startup("acme").Tag("ai");

        var all = await studio.Actions();
        var tags = await studio.Actions(new ActionFilter { Verb = "Tag" });
        var page = await studio.Actions(new ActionFilter { Limit = 1, Before = all[0].Id });

        Assert.Equal(["Tag", "Prioritize", "create"], all.Select(a => a.Verb));
        Assert.All(all, a => Assert.Equal("api-key", a.Actor));
        Assert.All(all, a => Assert.Equal(ActionStatus.Completed, a.Status));
        Assert.Equal("{\"by\":2}", all[1].Input);
        Assert.Equal(all[0], Assert.Single(tags));
        Assert.Equal(all[1], Assert.Single(page));
        Assert.Equal(all[1], await studio.Action(all[1].Id));
        Assert.Null(await studio.Action(999_999));
        Assert.Equal(all, await _server.Host.Object<Studio>("https://startups.studio/log").Actions());
    }

    [Fact]
    public async Task A_bad_filter_is_a_400_naming_the_value()
    {
        using var http = _server.Http();
        var response = await http.GetAsync(new Uri("/do/" + Uri.EscapeDataString("https://startups.studio/bad-filter") + "/actions?status=finished", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.StartsWith("status=\"finished\" is not an action status: expected pending, running, completed, failed, undone or retrying.", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task As_records_the_claimed_actor_when_the_principal_may_act_for_it()
    {
        var studio = _server.Client(DoServer.ActorKey).Object<Studio>("https://startups.studio/as");
        await studio.Startups.Create("acme", new Startup { Name = "Acme" });

        await studio.As("user:alice").Startup("acme").Prioritize(1);
        await studio.As("user:bob").Startup("acme").Tag("b2b");

        var log = await studio.Actions();
        Assert.Equal(["user:bob", "user:alice", "api-key"], log.Select(a => a.Actor));
        Assert.Equal(["user:alice"], (await studio.Actions(new ActionFilter { Actor = "user:alice" })).Select(a => a.Actor));
    }

    [Fact]
    public async Task As_an_actor_the_principal_is_not_granted_is_refused_with_403_and_runs_nothing()
    {
        var studio = _server.Client().Object<Studio>("https://startups.studio/forged");
        await studio.Startups.Create("acme", new Startup { Name = "Acme" });
        var other = _server.Client(DoServer.ActorKey).Object<Studio>("https://startups.studio/forged");

        var forged = await Assert.ThrowsAsync<UnauthorizedAccessException>(() => studio.As("user:alice").Startup("acme").Prioritize(5));
        var outside = await Assert.ThrowsAsync<UnauthorizedAccessException>(() => other.As("admin").Startup("acme").Prioritize(5));

        Assert.Contains("may not act as \"user:alice\"", forged.Message, StringComparison.Ordinal);
        Assert.Contains("do:actor", forged.Message, StringComparison.Ordinal);
        Assert.Contains("\"admin\"", outside.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await studio.Startup("acme").Get()).Priority);
        Assert.Equal(["create"], (await studio.Actions()).Select(a => a.Verb));
    }

    [Fact]
    public async Task Undo_and_redo_over_http_are_actions_of_the_caller()
    {
        var studio = _server.Client(DoServer.ActorKey).Object<Studio>("https://startups.studio/undo");
        await studio.Startups.Create("acme", new Startup { Name = "Acme" });
        await studio.Startup("acme").Prioritize(3);
        var prioritize = (await studio.Actions(new ActionFilter { Verb = "Prioritize" }))[0];

        var undo = await studio.As("user:carol").Undo(prioritize.Id);
        var afterUndo = await studio.Startup("acme").Get();
        var undone = await studio.Action(prioritize.Id);
        var redo = await studio.Redo(prioritize.Id);
        var afterRedo = await studio.Startup("acme").Get();

        Assert.Equal(0, afterUndo.Priority);
        Assert.Equal(ActionStatus.Undone, undone!.Status);
        Assert.Equal("user:carol", undo.Actor);
        Assert.Equal("api-key", redo.Actor);
        Assert.Equal(3, afterRedo.Priority);
        Assert.Equal(ActionStatus.Completed, (await studio.Action(prioritize.Id))!.Status);
    }

    [Fact]
    public async Task An_undo_conflict_comes_back_as_UndoConflictException_listing_the_fields_and_writes_nothing_unless_forced()
    {
        var studio = _server.Client().Object<Studio>("https://startups.studio/undo-conflict");
        await studio.Startups.Create("acme", new Startup { Name = "Acme" });
        await studio.Startup("acme").Prioritize(1);
        var first = (await studio.Actions(new ActionFilter { Verb = "Prioritize" }))[0];
        await studio.Startup("acme").Prioritize(4);
        var before = await studio.Actions();

        var e = await Assert.ThrowsAsync<UndoConflictException>(() => studio.Undo(first.Id));

        Assert.Equal(first.Id, e.ActionId);
        var conflict = Assert.Single(e.Conflicts);
        Assert.Equal("priority", conflict.Field);
        Assert.Equal("5", conflict.After);
        Assert.Contains("priority (then", e.Message, StringComparison.Ordinal);
        Assert.Equal(5, (await studio.Startup("acme").Get()).Priority);
        Assert.Equal(before, await studio.Actions());

        await studio.Undo(first.Id, force: true);
        Assert.Equal(0, (await studio.Startup("acme").Get()).Priority);
    }

    [Fact]
    public async Task DeleteBranch_over_http_refuses_unmerged_work_unless_forced()
    {
        var studio = _server.Client().Object<Studio>("https://startups.studio/delete-branch");
        await studio.Startups.Create("acme", new Startup { Name = "Acme" });
        await studio.Branch("scratch");
        await studio.Checkout("scratch");
        await studio.Startup("acme").Prioritize(9);
        await studio.Checkout("main");

        await Assert.ThrowsAsync<InvalidOperationException>(() => studio.DeleteBranch("scratch"));
        Assert.Equal(["main", "scratch"], await studio.Branches());

        Assert.Equal("scratch", await studio.DeleteBranch("scratch", force: true));
        Assert.Equal(["main"], await studio.Branches());
    }
}
