using Do.Infrastructure;

// In the program's own namespace: the hand-written nouns of Do.Tests.Support have the same names, so importing
// that namespace would make Startup and ctx.Startups ambiguous.
namespace Do.Tests.Generated.IssueProgram;

/// <summary>The issue's program, on generated code and the embedded host, in a real temp folder.</summary>
public sealed class IssueProgramTests
{
    [Fact]
    public async Task The_issue_program_runs_on_generated_code()
    {
        using var temp = new Support.TempFolder();
        const string ns = "https://startups.studio/issue-program";
        await using var host = await DoHost.StartAsync(o => o.DataPath = temp.Path);
        var studio = host.Object<Studio>(ns);
        await studio.Customers.Create("alice", new Customer { Name = "Alice", Email = "alice@example.com" });
        await studio.Startups.Create("acme", new Startup { Name = "Acme" });
        await studio.Startup("acme").Prioritize(2);
        await studio.Startup("acme").Tag("ai");
        Startup now = await studio.Startup("acme").Get();
        Startup before = await studio.Startup("acme@~1").Get();
        IReadOnlyList<Startup> all = await studio.Startups.List();

        Assert.Equal(2, now.Priority);
        Assert.Equal(["ai"], now.Tags);
        Assert.Equal(2, before.Priority);
        Assert.Empty(before.Tags);
        Assert.Equal(["acme", "alice"], all.Select(s => s.Name.ToLowerInvariant()));
        Assert.Contains($"{ns} Acme -> 2", Studio.Prioritized);
        var alice = await studio.Startup("alice").Get();
        Assert.Equal("Alice", alice.Name);
    }

    [Fact]
    public async Task A_noun_verb_runs_by_name_through_the_generated_dispatcher()
    {
        using var temp = new Support.TempFolder();
        await using var host = await DoHost.StartAsync(o => o.DataPath = temp.Path);
        var studio = host.Object<Studio>("https://startups.studio/by-name");
        await studio.Startups.Create("acme", new Startup { Name = "Acme", Priority = 1 });

        await studio.InvokeVerb("Startup", "acme", "Prioritize", "{\"by\":3}");
        await studio.InvokeVerb("Startup", "acme", "Prioritize");
        await studio.InvokeVerb("Startup", "acme", "Tag", "{\"tag\":\"ai\"}");

        var acme = await studio.Startup("acme").Get();
        Assert.Equal(5, acme.Priority);
        Assert.Equal(["ai"], acme.Tags);
        var history = await studio.Startup("acme").History();
        Assert.Equal(["Tag", "Prioritize", "Prioritize", "create"], history.Select(v => v.Verb));
        var missing = await Assert.ThrowsAsync<ArgumentException>(() => studio.InvokeVerb("Startup", "acme", "Tag", "{}"));
        Assert.Contains("\"tag\"", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_module_initializer_registered_nouns_dispatchers_and_object_classes()
    {
        Assert.Same(Startup.Noun, DoRegistry.FindNoun("Startup"));
        Assert.Same(Customer.Noun, DoRegistry.FindNoun("Customer"));
        Assert.NotNull(DoRegistry.FindDispatcher("Startup"));
        Assert.Equal(typeof(Studio), DoRegistry.FindObject(typeof(Studio).FullName!)?.Type);
        Assert.Equal(["Prioritize", "Tag"], Startup.Noun.Verbs.Select(v => v.Name));
        Assert.Equal("prioritized", Startup.Noun.FindVerb("Prioritize")!.Event);
        Assert.True(Customer.Noun.Properties.Single(p => p.Name == "Email").Indexed);
    }
}
