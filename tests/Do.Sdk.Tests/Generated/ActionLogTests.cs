using Do.Tests.Support;

namespace Do.Tests.Generated.ActionLog;

/// <summary>The action log as a product (issue 20): reading it, actors, undo and redo, durable custom events.</summary>
public sealed class ActionLogTests : IAsyncLifetime
{
    private readonly TempFolder _temp = new();
    private DoHost _host = null!;

    public async Task InitializeAsync() => _host = await DoHost.StartAsync(o =>
    {
        o.DataPath = _temp.Path;
        o.Actions.MaxRetries = 0;
    });

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _temp.Dispose();
    }

    private ObjectClient<Desk> Desk(string name) => _host.Object<Desk>($"https://desk.example/{name}-{Guid.NewGuid():N}");

    [Fact]
    public async Task The_log_reads_newest_first_and_pages_and_filters_by_status_verb_actor_and_target()
    {
        var desk = Desk("log");
        await desk.Tickets.Create("t1", new Ticket { Title = "Printer" });
        for (int i = 0; i < 5; i++)
        {
            await desk.As("alice").Ticket("t1").Vote();
        }

        await desk.Ticket("t1").Retitle("Printer on fire");

        var all = await desk.Actions();
        var firstPage = await desk.Actions(new ActionFilter { Limit = 4 });
        var secondPage = await desk.Actions(new ActionFilter { Limit = 4, Before = firstPage[^1].Id });
        var alices = await desk.Actions(new ActionFilter { Actor = "alice" });
        var votes = await desk.Actions(new ActionFilter { Verb = "Vote", Limit = 2 });

        Assert.Equal(["Retitle", "Vote", "Vote", "Vote", "Vote", "Vote", "create"], all.Select(a => a.Verb));
        Assert.Equal(all.Select(a => a.Id), firstPage.Concat(secondPage).Select(a => a.Id));
        Assert.Equal(5, alices.Count);
        Assert.All(alices, a => Assert.Equal(("Vote", "t1", ActionStatus.Completed), (a.Verb, a.Target, a.Status)));
        Assert.Equal(2, votes.Count);
        Assert.Equal("system", all[0].Actor);
        Assert.Equal("{\"title\":\"Printer on fire\"}", all[0].Input);
        Assert.Equal(all[0], await desk.Action(all[0].Id));
        Assert.Null(await desk.Action(999_999));
        var bad = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => desk.Actions(new ActionFilter { Limit = 0 }));
        Assert.Contains("between 1 and 1000", bad.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_handler_writes_as_the_actor_whose_action_it_handles()
    {
        var desk = Desk("actors");
        await desk.Tickets.Create("t1", new Ticket { Title = "Login" });
        await desk.Tickets.Create("audit", new Ticket { Title = "" });

        await desk.As("bob").Ticket("t1").Vote();
        await desk.As("carol").Ticket("t1").Vote();
        await desk.As("dave").Ticket("t1").Vote();

        var audit = await desk.Ticket("audit").Get();
        Assert.Equal("dave made it 3", audit.Title);
        var retitle = Assert.Single(await desk.Actions(new ActionFilter { Verb = "Retitle" }));
        Assert.Equal("dave", retitle.Actor);
        Assert.Equal(["dave", "carol", "bob", "system", "system"], (await desk.Actions(new ActionFilter { Verb = null, Limit = 6 })).Where(a => a.Verb != "Retitle").Select(a => a.Actor));
    }

    [Fact]
    public async Task Undo_and_redo_of_an_update_restore_the_fields_it_changed_and_are_actions_themselves()
    {
        var desk = Desk("undo");
        await desk.Tickets.Create("t1", new Ticket { Title = "Old" });
        await desk.Ticket("t1").Retitle("New");
        await desk.Ticket("t1").Vote();
        var retitle = (await desk.Actions(new ActionFilter { Verb = "Retitle" }))[0];

        var undo = await desk.As("erin").Undo(retitle.Id);
        var afterUndo = await desk.Ticket("t1").Get();
        var undone = await desk.Action(retitle.Id);
        var redo = await desk.Redo(retitle.Id);
        var afterRedo = await desk.Ticket("t1").Get();

        Assert.Equal(("Old", 1), (afterUndo.Title, afterUndo.Votes));
        Assert.Equal(("undo", "erin", "{\"action\":" + retitle.Id + "}"), (undo.Verb, undo.Actor, undo.Input));
        Assert.Equal(ActionStatus.Undone, undone!.Status);
        Assert.Equal(("New", 1), (afterRedo.Title, afterRedo.Votes));
        Assert.Equal("redo", redo.Verb);
        Assert.Equal(ActionStatus.Completed, (await desk.Action(retitle.Id))!.Status);
        Assert.Equal("Old", (await desk.Ticket("t1@~1").Get()).Title); // both are versions: time travel sees them
        var events = await desk.Transport.EventsAsync(0, 100, CancellationToken.None);
        Assert.Contains(events, e => e.Type == "Ticket.undone");
        Assert.Contains(events, e => e.Type == "Ticket.redone");
    }

    [Fact]
    public async Task Undo_of_a_create_deletes_and_undo_of_a_delete_restores()
    {
        var desk = Desk("lifecycle");
        await desk.Tickets.Create("t1", new Ticket { Title = "Temp" });
        var create = (await desk.Actions(new ActionFilter { Verb = "create" }))[0];

        await desk.Undo(create.Id);
        Assert.Null(await desk.Ticket("t1").Find());

        await desk.Redo(create.Id);
        Assert.Equal("Temp", (await desk.Ticket("t1").Get()).Title);

        await desk.Tickets.Delete("t1");
        var delete = (await desk.Actions(new ActionFilter { Verb = "delete" }))[0];
        await desk.Undo(delete.Id);
        Assert.Equal("Temp", (await desk.Ticket("t1").Get()).Title);
    }

    [Fact]
    public async Task Undo_that_would_overwrite_a_later_change_lists_every_field_and_writes_nothing_unless_forced()
    {
        var desk = Desk("conflict");
        await desk.Tickets.Create("t1", new Ticket { Title = "A" });
        await desk.Ticket("t1").Retitle("B");
        var first = (await desk.Actions(new ActionFilter { Verb = "Retitle" }))[0];
        await desk.Ticket("t1").Retitle("C");
        var before = await desk.Ticket("t1").History();

        var e = await Assert.ThrowsAsync<UndoConflictException>(() => desk.Undo(first.Id));

        var conflict = Assert.Single(e.Conflicts);
        Assert.Equal(new FieldChange("title", "\"B\"", "\"C\""), conflict);
        Assert.Contains("title (then \"B\", now \"C\")", e.Message, StringComparison.Ordinal);
        Assert.Equal(before.Count, (await desk.Ticket("t1").History()).Count);
        Assert.Equal(ActionStatus.Completed, (await desk.Action(first.Id))!.Status);

        await desk.Undo(first.Id, force: true);
        Assert.Equal("A", (await desk.Ticket("t1").Get()).Title);
        await Assert.ThrowsAsync<InvalidOperationException>(() => desk.Undo(first.Id));
        await Assert.ThrowsAsync<ArgumentException>(() => desk.Undo(424242));
    }

    [Fact]
    public async Task Undo_on_a_branch_stays_there_until_the_branch_is_merged()
    {
        var desk = Desk("branch");
        await desk.Tickets.Create("t1", new Ticket { Title = "Main title" });
        await desk.Branch("fix");
        await desk.Checkout("fix");
        await desk.Ticket("t1").Retitle("Branch title");
        var retitle = (await desk.Actions(new ActionFilter { Verb = "Retitle" }))[0];

        await desk.Undo(retitle.Id);
        Assert.Equal("Main title", (await desk.Ticket("t1").Get()).Title);
        await desk.Ticket("t1").Vote();
        await desk.Checkout("main");
        Assert.Equal(0, (await desk.Ticket("t1").Get()).Votes);

        await desk.Merge("fix");

        var merged = await desk.Ticket("t1").Get();
        Assert.Equal(("Main title", 1), (merged.Title, merged.Votes));
    }

    [Fact]
    public async Task An_emitted_event_commits_with_its_verb_and_reaches_handlers_once()
    {
        var desk = Desk("emit");
        await desk.Tickets.Create("t1", new Ticket { Title = "Slow" });
        await desk.Ticket("t1").Vote();

        await desk.As("frank").Ticket("t1").Escalate();
        await Assert.ThrowsAsync<ActionFailedException>(() => desk.Ticket("t1").Escalate(fail: true));

        var mine = ActionLog.Desk.Escalations.Where(x => x.Ns == desk.Ns).ToList();
        Assert.Equal([("ticket.escalated", "{\"votes\":1}", "frank")], mine.Select(x => (x.Type, x.Data, x.Actor)));
        var events = await desk.Transport.EventsAsync(0, 100, CancellationToken.None);
        var emitted = Assert.Single(events, e => e.Type == "ticket.escalated");
        var escalate = (await desk.Actions(new ActionFilter { Verb = "Escalate", Status = ActionStatus.Completed }))[0];
        Assert.Equal(escalate.Id, emitted.ActionId);
        Assert.NotNull(emitted.DispatchedAt);
    }
}
