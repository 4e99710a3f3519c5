using Do.Tests.Support;

namespace Do.Tests.Lifecycle;

public sealed class BranchDeletionTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private Task<DoHost> StartAsync() => DoHost.StartAsync(o => o.DataPath = _temp.File("data"));

    private static async Task<ObjectClient<Business>> WithBranchAsync(DoHost host, string branch = "b")
    {
        var obj = host.Object<Business>("https://branches.example");
        await obj.Startups().Create("acme", new Startup { Name = "Acme", Priority = 1 });
        await obj.Branch(branch);
        await obj.Checkout(branch);
        await obj.Startup("acme").Prioritize(10);
        await obj.Checkout("main");
        return obj;
    }

    [Fact]
    public async Task A_merge_keeps_its_branch_which_then_deletes_without_force_and_compacts()
    {
        await using var host = await StartAsync();
        var obj = await WithBranchAsync(host);
        await obj.Merge("b");
        Assert.Equal(["main", "b"], await obj.Branches());

        Assert.Equal("b", await obj.DeleteBranch("b"));
        Assert.Contains(await obj.Run(ctx => ctx.Events.List()), e => e.Type == "branch.deleted");
        await obj.Compact();

        Assert.Equal(["main"], await obj.Branches());
        Assert.Equal(11, (await obj.Startup("acme").Get()).Priority);
        await Assert.ThrowsAsync<RefNotFoundException>(() => obj.Checkout("b"));
    }

    [Fact]
    public async Task Unmerged_work_needs_force_and_force_discards_it()
    {
        await using var host = await StartAsync();
        var obj = await WithBranchAsync(host);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => obj.DeleteBranch("b"));
        Assert.Contains("\"b\" has 1 version(s)", error.Message, StringComparison.Ordinal);
        Assert.Contains("force: true", error.Message, StringComparison.Ordinal);
        Assert.Equal(["main", "b"], await obj.Branches());

        await obj.DeleteBranch("b", force: true);

        Assert.Equal(["main"], await obj.Branches());
        Assert.Equal(1, (await obj.Startup("acme").Get()).Priority);
        var path = await obj.DatabasePath();
        await host.DisposeAsync();
        Assert.Equal(0L, Sql.Count(path, "things", "branch != 1"));
        Assert.Empty(Sql.Rows(path, "PRAGMA foreign_key_check"));
    }

    [Fact]
    public async Task A_write_after_a_merge_is_unmerged_work_again()
    {
        await using var host = await StartAsync();
        var obj = await WithBranchAsync(host);
        await obj.Merge("b");
        await obj.Checkout("b");
        await obj.Startup("acme").Prioritize(5);
        await obj.Checkout("main");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => obj.DeleteBranch("b"));

        Assert.Contains("1 version(s)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Main_the_checked_out_branch_a_parent_and_an_unknown_name_are_refused()
    {
        await using var host = await StartAsync();
        var obj = await WithBranchAsync(host);

        var main = await Assert.ThrowsAsync<InvalidOperationException>(() => obj.DeleteBranch("main"));
        Assert.Contains("\"main\" is the first branch", main.Message, StringComparison.Ordinal);
        var unknown = await Assert.ThrowsAsync<RefNotFoundException>(() => obj.DeleteBranch("nope"));
        Assert.Contains("nope", unknown.Message, StringComparison.Ordinal);

        await obj.Checkout("b");
        var checkedOut = await Assert.ThrowsAsync<InvalidOperationException>(() => obj.DeleteBranch("b", force: true));
        Assert.Contains("checked out", checkedOut.Message, StringComparison.Ordinal);

        await obj.Branch("c"); // c reads b's versions
        await obj.Checkout("main");
        var parent = await Assert.ThrowsAsync<InvalidOperationException>(() => obj.DeleteBranch("b", force: true));
        Assert.Contains("(c)", parent.Message, StringComparison.Ordinal);
        Assert.Equal(["main", "b", "c"], await obj.Branches());
    }
}
