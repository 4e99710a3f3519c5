using System.Diagnostics;
using Do.Tests.Relationships.Graph;
using Do.Tests.Support;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Do.Tests.Execution;

/// <summary>
/// Creates, updates and deletes through a collection, and relating things, are group commit members like sync verbs:
/// callers of one object share a transaction (one COMMIT, one sync under FULL), and a member that fails takes nothing of
/// the others with it.
/// </summary>
public sealed class GroupedWriteTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(SynchronousMode.Normal)]
    [InlineData(SynchronousMode.Full)]
    public async Task Creates_updates_and_deletes_queued_together_commit_as_one_group(SynchronousMode synchronous)
    {
        var spans = new List<Activity>();
        var ns = "https://writes.example/" + Guid.NewGuid().ToString("N")[..8];
        using (Sdk.CreateTracerProviderBuilder().AddSource("Do.Sdk").AddInMemoryExporter(spans).Build())
        {
            await using var host = await DoHost.StartAsync(o =>
            {
                o.DataPath = _temp.Path;
                o.Synchronous = synchronous;
            });
            var obj = host.Object<Business>(ns);
            var startups = obj.Startups();
            await startups.Create("old", new Startup { Name = "Old" });
            await startups.Create("acme", new Startup { Name = "Acme" });
            var release = await HoldTurnAsync(obj);

            var writes = new List<Task>
            {
                startups.Create("a", new Startup { Name = "A" }),
                startups.Create("b", new Startup { Name = "B" }),
                startups.Update("acme", new Startup { Name = "Acme", Priority = 7 }),
                startups.Delete("old"),
            };
            await release();
            await Task.WhenAll(writes).WaitAsync(Wait.Guard);

            Assert.Equal(["a", "acme", "b"], (await startups.List()).Select(s => s.Name.ToLowerInvariant()).Order());
            Assert.Equal(7, (await obj.Startup("acme").Get()).Priority);
            Assert.Equal(["Startup.created", "Startup.created", "Startup.created", "Startup.created", "Startup.updated", "Startup.deleted"], await obj.Run(ctx => ctx.Events.List().Select(e => e.Type).ToList()));
        }

        Assert.Contains(4, GroupSizes(spans, ns));
    }

    [Fact]
    public async Task Relationships_made_together_commit_as_one_group_and_one_from_a_missing_thing_fails_alone()
    {
        var spans = new List<Activity>();
        var ns = "https://writes.example/" + Guid.NewGuid().ToString("N")[..8];
        using (Sdk.CreateTracerProviderBuilder().AddSource("Do.Sdk").AddInMemoryExporter(spans).Build())
        {
            await using var host = await DoHost.StartAsync(o => o.DataPath = _temp.Path);
            var mall = host.Object<Mall>(ns);
            await mall.Shoppers.Create("alice", new Shopper { Name = "Alice" });
            await mall.Shoppers.Create("bob", new Shopper { Name = "Bob" });
            await mall.Gadgets.Create("p1", new Gadget { Title = "Phone" });
            var release = await HoldTurnAsync(mall);

            var alice = mall.Shopper("alice").Relate("purchased", mall.Gadget("p1"));
            var ghost = mall.Shopper("ghost").Relate("purchased", mall.Gadget("p1"));
            var bob = mall.Shopper("bob").Relate("purchased", mall.Gadget("p1"));
            await release();

            Assert.True(await alice.WaitAsync(Wait.Guard));
            Assert.True(await bob.WaitAsync(Wait.Guard));
            var missing = await Assert.ThrowsAsync<ThingNotFoundException>(() => ghost);
            Assert.Contains("ghost", missing.Message, StringComparison.Ordinal);
            Assert.Equal([ns + "/alice", ns + "/bob"], (await mall.Gadget("p1").RelatedFrom<Shopper>("purchased")).Select(r => r.Id).Order());
        }

        Assert.Contains(3, GroupSizes(spans, ns));
    }

    [Fact]
    public async Task Writes_that_fail_in_a_group_leave_the_others_committed_and_say_why()
    {
        await using var host = await DoHost.StartAsync(o => o.DataPath = _temp.Path);
        var obj = host.Object<Business>("https://writes.example");
        var startups = obj.Startups();
        await startups.Create("acme", new Startup { Name = "Acme" });
        var release = await HoldTurnAsync(obj);

        var first = startups.Create("a", new Startup { Name = "A" });
        var duplicate = startups.Create("acme", new Startup { Name = "Acme again" });
        var missing = startups.Update("ghost", new Startup { Name = "Ghost" });
        var last = startups.Create("b", new Startup { Name = "B" });
        await release();

        await Task.WhenAll(first, last).WaitAsync(Wait.Guard);
        var exists = await Assert.ThrowsAsync<ThingAlreadyExistsException>(() => duplicate);
        Assert.Contains("acme", exists.Message, StringComparison.Ordinal);
        var notFound = await Assert.ThrowsAsync<ThingNotFoundException>(() => missing);
        Assert.Contains("ghost", notFound.Message, StringComparison.Ordinal);
        Assert.Equal(["A", "Acme", "B"], (await startups.List()).Select(s => s.Name).Order());
        Assert.Single(await obj.Startup("acme").History());
        Assert.Equal(3, await obj.Run(ctx => ctx.Actions.List().Count));
    }

    [Fact]
    public async Task A_noun_first_written_by_a_member_whose_group_started_again_still_gets_its_index()
    {
        // The failing create interns Customer and creates its index inside the group's transaction, then fails after
        // writing (a trigger stands in for a disk failure): the group rolls back and runs the startup's update again.
        // The rollback took the index with it, so the next write of a customer must build it again.
        const string ns = "https://writes.example";
        await using var host = await DoHost.StartAsync(o => o.DataPath = _temp.Path);
        var obj = host.Object<Business>(ns);
        var startups = obj.Startups();
        await startups.Create("acme", new Startup { Name = "Acme" });
        var release = await HoldTurnAsync(obj, () => host.ActivationOf(ObjectNamespace.Parse(ns))!.Database.Execute("""
            CREATE TEMP TRIGGER refuse_c1 AFTER INSERT ON main.things WHEN new.id = 'c1'
            BEGIN SELECT RAISE(ABORT, 'the disk refused c1'); END
            """));

        var update = startups.Update("acme", new Startup { Name = "Acme", Priority = 3 });
        var refused = obj.Customers().Create("c1", new Customer { Name = "One", Email = "one@example.com" });
        await release();

        await update.WaitAsync(Wait.Guard);
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => refused);
        Assert.Contains("the disk refused c1", failure.ToString(), StringComparison.Ordinal);
        await obj.Customers().Create("c2", new Customer { Name = "Two", Email = "two@example.com" });

        Assert.Equal(3, (await obj.Startup("acme").Get()).Priority);
        Assert.Equal(["Two"], (await obj.Customers().List()).Select(c => c.Name));
        Assert.Equal(1L, Sql.Count(await obj.DatabasePath(), "sqlite_master", "type = 'index' AND name = 'ix_Customer_Email'"));
    }

    /// <summary>The sizes of the group commits of object <paramref name="ns"/>, from its <c>do.turn</c> spans (taken once the provider is gone, so no test running in parallel adds to them).</summary>
    private static List<int> GroupSizes(List<Activity> spans, string ns)
        => [.. spans.Where(s => s.OperationName == "do.turn" && (string?)s.GetTagItem("do.namespace") == ns && s.GetTagItem("do.group_size") is not null)
            .Select(s => (int)s.GetTagItem("do.group_size")!)];

    /// <summary>
    /// Holds the object's turn (after running <paramref name="whileHeld"/> in it) until the returned function is called,
    /// so that the writes made meanwhile queue up and run as one group.
    /// </summary>
    private static async Task<Func<Task>> HoldTurnAsync(ObjectClient obj, Action? whileHeld = null)
    {
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource();
        var busy = obj.Run(async _ =>
        {
            whileHeld?.Invoke();
            held.SetResult();
            await release.Task;
            return true;
        });
        await held.Task.WaitAsync(Wait.Guard);
        return async () =>
        {
            release.SetResult();
            await busy;
        };
    }
}
