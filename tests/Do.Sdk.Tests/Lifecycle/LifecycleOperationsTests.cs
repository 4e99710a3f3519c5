using Do.Tests.Support;

namespace Do.Tests.Lifecycle;

public sealed class LifecycleOperationsTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private Task<DoHost> StartAsync(Action<DoHostOptions>? more = null) => DoHost.StartAsync(o =>
    {
        o.DataPath = _temp.File("data");
        more?.Invoke(o);
    });

    private static async Task<ObjectClient<Business>> SeededAsync(DoHost host)
    {
        var obj = host.Object<Business>("https://studio.example");
        await obj.Startups().Create("acme", new Startup { Name = "Acme", Priority = 1 });
        await obj.Startups().Create("beta", new Startup { Name = "Beta" });
        return obj;
    }

    [Theory]
    [InlineData("main", "always exists")]
    [InlineData("HEAD", "reserved")]
    [InlineData("a..b", "\"..\"")]
    [InlineData(".hidden", "starts with '.'")]
    [InlineData("x.lock", ".lock")]
    [InlineData("has space", "white space")]
    [InlineData("v12", "version")]
    [InlineData("a/b", "'/'")]
    public async Task Branch_names_follow_git_rules_for_one_component(string name, string reason)
    {
        await using var host = await StartAsync();
        var obj = await SeededAsync(host);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => obj.Branch(name));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Equal(["main"], await obj.Branches());
    }

    [Fact]
    public async Task An_existing_branch_name_is_refused()
    {
        await using var host = await StartAsync();
        var obj = await SeededAsync(host);
        await obj.Branch("experiment");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => obj.Branch("experiment"));

        Assert.Contains("already exists", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writes_on_a_branch_are_invisible_on_main_and_branching_copies_no_rows()
    {
        await using var host = await StartAsync();
        var obj = await SeededAsync(host);
        var rowsBefore = await obj.Run(ctx => ctx.Things.History("Startup", "acme").Count + ctx.Things.History("Startup", "beta").Count);

        await obj.Branch("experiment");
        Assert.Equal(rowsBefore, await obj.Run(ctx => ctx.Things.History("Startup", "acme").Count + ctx.Things.History("Startup", "beta").Count));
        await obj.Checkout("experiment");
        await obj.Startup("acme").Prioritize(10);
        await obj.Startups().Create("gamma", new Startup { Name = "Gamma" });

        Assert.Equal(11, (await obj.Startup("acme").Get()).Priority);
        Assert.Equal(11, (await obj.Startup("acme@experiment").Get()).Priority);
        Assert.Equal(1, (await obj.Startup("acme@main").Get()).Priority);
        await obj.Checkout("@main");
        Assert.Equal(1, (await obj.Startup("acme").Get()).Priority);
        Assert.Equal(["Acme", "Beta"], (await obj.Startups().List()).Select(s => s.Name));
        Assert.Contains(await obj.Run(ctx => ctx.Events.List()), e => e.Type == "branch.created");
    }

    [Theory]
    [InlineData("@v2")]
    [InlineData("@~1")]
    [InlineData("@2026-01-01T00:00:00Z")]
    public async Task A_detached_view_is_read_only(string view)
    {
        await using var host = await StartAsync();
        var obj = await SeededAsync(host);

        Assert.StartsWith("@v", await obj.Checkout(view), StringComparison.Ordinal);
        var error = await Assert.ThrowsAsync<DetachedWriteException>(() => obj.Startup("acme").Prioritize());

        Assert.Contains("read-only", error.Message, StringComparison.Ordinal);
        Assert.Contains("Checkout(\"main\")", error.Message, StringComparison.Ordinal);
        await obj.Checkout("main");
        await obj.Startup("acme").Prioritize(); // writable again
    }

    [Fact]
    public async Task A_version_checkout_shows_the_object_as_it_was()
    {
        await using var host = await StartAsync();
        var obj = await SeededAsync(host);
        await obj.Startup("acme").Prioritize(5);

        await obj.Checkout("@~1");

        Assert.Equal(1, (await obj.Startup("acme").Get()).Priority);
        Assert.Equal(2, (await obj.Startups().List()).Count);
    }

    [Fact]
    public async Task A_checkout_survives_deactivation()
    {
        await using var host = await StartAsync();
        var obj = await SeededAsync(host);
        await obj.Branch("experiment");
        await obj.Checkout("experiment");

        await host.DeactivateAsync(obj.Ns);

        Assert.Equal("experiment", await obj.CheckedOut());
    }

    [Fact]
    public async Task A_clean_merge_applies_each_sides_changes_per_field()
    {
        await using var host = await StartAsync();
        var obj = await SeededAsync(host);
        await obj.Branch("experiment");
        await obj.Checkout("experiment");
        await obj.Startup("acme").Prioritize(10);            // theirs changes priority
        await obj.Checkout("main");
        await obj.Startup("acme").Tag("ai");                  // ours changes tags of the same thing

        var result = await obj.Merge("experiment");

        var acme = await obj.Startup("acme").Get();
        Assert.Equal(11, acme.Priority);
        Assert.Equal(["ai"], acme.Tags);
        Assert.Equal(1, result.Changed);
        Assert.Contains(await obj.Run(ctx => ctx.Events.List()), e => e.Type == "merge.completed");
    }

    [Fact]
    public async Task A_merge_carries_over_deletions_and_things_new_on_either_side()
    {
        await using var host = await StartAsync();
        var obj = await SeededAsync(host);
        await obj.Branch("experiment");
        await obj.Checkout("experiment");
        await obj.Startups().Delete("beta");
        await obj.Startups().Create("gamma", new Startup { Name = "Gamma" });
        await obj.Checkout("main");
        await obj.Startups().Create("delta", new Startup { Name = "Delta" });

        await obj.Merge("experiment");

        Assert.Equal(["Acme", "Delta", "Gamma"], (await obj.Startups().List()).Select(s => s.Name));
        Assert.Null(await obj.Startups().Find("beta"));
    }

    [Fact]
    public async Task A_conflicting_merge_writes_nothing_and_lists_every_conflict()
    {
        await using var host = await StartAsync();
        var obj = await SeededAsync(host);
        await obj.Branch("experiment");
        await obj.Checkout("experiment");
        await obj.Startup("acme").Prioritize(10);
        await obj.Startup("beta").Prioritize(3);
        await obj.Checkout("main");
        await obj.Startup("acme").Prioritize(20);
        await obj.Startups().Delete("beta");
        var before = await obj.Run(ctx => (ctx.Actions.List().Count, ctx.Events.List().Count, ctx.Things.History("Startup", "acme").Count));

        var error = await Assert.ThrowsAsync<MergeConflictException>(() => obj.Merge("experiment"));

        Assert.Equal(2, error.Conflicts.Count);
        var priority = Assert.Single(error.Conflicts, c => c.Id == "acme");
        Assert.Equal(("priority", "1", "21", "11"), (priority.Field, priority.Base, priority.Ours, priority.Theirs));
        var deleted = Assert.Single(error.Conflicts, c => c.Id == "beta");
        Assert.Equal("$deleted", deleted.Field);
        Assert.Null(deleted.Ours);
        Assert.Contains("acme.priority", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await obj.Run(ctx => (ctx.Actions.List().Count, ctx.Events.List().Count, ctx.Things.History("Startup", "acme").Count)));

        var theirs = await obj.Merge("experiment", MergeStrategy.Theirs);
        Assert.Equal(2, theirs.Resolved.Count);
        Assert.Equal(11, (await obj.Startup("acme").Get()).Priority);
        Assert.Equal(3, (await obj.Startup("beta").Get()).Priority);
    }

    [Fact]
    public async Task Ours_strategy_keeps_the_target_values()
    {
        await using var host = await StartAsync();
        var obj = await SeededAsync(host);
        await obj.Branch("experiment");
        await obj.Checkout("experiment");
        await obj.Startup("acme").Prioritize(10);
        await obj.Checkout("main");
        await obj.Startup("acme").Prioritize(20);

        await obj.Merge("experiment", MergeStrategy.Ours);

        Assert.Equal(21, (await obj.Startup("acme").Get()).Priority);
    }

    [Fact]
    public async Task A_fork_is_a_new_independent_object_linked_both_ways()
    {
        await using var host = await StartAsync();
        var obj = await SeededAsync(host);
        await obj.Startup("acme").Prioritize(4);

        var fork = await obj.Fork("https://fork.example");
        await fork.Startup("acme").Prioritize(100);
        await obj.Startup("beta").Prioritize(7);

        Assert.Equal(105, (await fork.Startup("acme").Get()).Priority);
        Assert.Equal(5, (await obj.Startup("acme").Get()).Priority);
        Assert.Equal(0, (await fork.Startup("beta").Get()).Priority);
        Assert.Single(await fork.Startup("beta").History()); // no history carried over
        Assert.Equal("https://studio.example", Assert.Single(await fork.Run(ctx => ctx.Objects.Links("fork-of"))).Namespace);
        Assert.Equal("https://fork.example", Assert.Single(await obj.Run(ctx => ctx.Objects.Links("fork"))).Namespace);
        Assert.Contains(host.Catalog(), e => e.Namespace == "https://fork.example" && e.Class == typeof(Business).FullName);
        await Assert.ThrowsAsync<InvalidOperationException>(() => obj.Fork("https://fork.example"));
    }

    [Fact]
    public async Task Compact_keeps_every_head_shrinks_the_file_and_archives_history()
    {
        await using var host = await StartAsync();
        var obj = await SeededAsync(host);
        for (int i = 0; i < 300; i++)
        {
            await obj.Startup("acme").Tag(new string('x', 100) + i);
        }

        await obj.Startups().Delete("beta");
        var heads = await obj.Startups().List();
        var headVersion = (await obj.Startup("acme").History())[0].Version;

        var result = await obj.Compact();

        Assert.True(result.BytesAfter < result.BytesBefore, $"{result.BytesAfter} >= {result.BytesBefore}");
        Assert.True(result.RowsAfter < result.RowsBefore);
        Assert.Equal(heads.Select(h => (h.Name, h.Priority, h.Tags.Count)), (await obj.Startups().List()).Select(h => (h.Name, h.Priority, h.Tags.Count)));
        var history = await obj.Startup("acme").History();
        Assert.Equal(headVersion, Assert.Single(history).Version); // same identity: the version id is unchanged
        Assert.True(File.Exists(result.ArchivePath));
        Assert.Equal(result.ArchivedActions + result.ArchivedEvents, File.ReadAllLines(result.ArchivePath!).Length);
        Assert.Contains(await obj.Run(ctx => ctx.Events.List()), e => e.Type == "compact.completed");
    }

    [Fact]
    public async Task Compact_is_refused_while_other_branches_exist_unless_forced()
    {
        await using var host = await StartAsync();
        var obj = await SeededAsync(host);
        await obj.Branch("experiment");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => obj.Compact());
        Assert.Contains("experiment", error.Message, StringComparison.Ordinal);

        await obj.Compact(force: true);
        Assert.Equal(["main"], await obj.Branches());
    }

    [Fact]
    public async Task MoveTo_keeps_data_and_identity_while_concurrent_calls_succeed()
    {
        var eu = _temp.File("eu");
        await using var host = await StartAsync(o => o.Colos["eu"] = eu);
        var obj = await SeededAsync(host);
        var before = await obj.DatabasePath();

        var calls = Enumerable.Range(0, 50).Select(_ => obj.Startup("acme").Prioritize()).ToList();
        var moved = obj.MoveTo("eu");
        calls.AddRange(Enumerable.Range(0, 50).Select(_ => obj.Startup("acme").Prioritize()));
        await Task.WhenAll([.. calls, moved]);

        Assert.StartsWith(Path.GetFullPath(eu), await moved, StringComparison.Ordinal);
        Assert.False(File.Exists(before));
        Assert.Equal(101, (await obj.Startup("acme").Get()).Priority);
        Assert.Equal("eu", Assert.Single(host.Catalog()).Colo);
        Assert.Equal("https://studio.example", obj.Ns);
        await host.DeactivateAsync(obj.Ns);
        Assert.Equal(101, (await obj.Startup("acme").Get()).Priority); // reopened from the new colo
        await Assert.ThrowsAsync<ArgumentException>(() => obj.MoveTo("mars"));
    }

    [Fact]
    public async Task Diff_lists_the_fields_that_changed_between_two_refs()
    {
        await using var host = await StartAsync();
        var obj = await SeededAsync(host);
        await obj.Startup("acme").Prioritize(2);
        await obj.Startup("acme").Tag("ai");

        var diff = await obj.Startups().Diff("acme@~2", "acme");

        Assert.Equal([new FieldChange("priority", "1", "3"), new FieldChange("tags", "[]", "[\"ai\"]")], diff);
    }
}
