using Do.Tests.Generated.IssueProgram;

namespace Do.Tests.Docs;

/// <summary>
/// The examples of docs/refs-and-lifecycle.md, run. Each <c>#region doc:NAME</c> below must appear verbatim in the
/// page under <c>&lt;!-- doc:NAME --&gt;</c>; <see cref="Every_example_in_the_page_is_this_code"/> checks that, so the page
/// cannot drift from code that runs.
/// </summary>
public sealed class RefsAndLifecycleDocTests : IDisposable
{
    private readonly Support.TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private Task<DoHost> StartAsync() => DoHost.StartAsync(o =>
    {
        o.DataPath = _temp.File("data");
        o.Colos["eu"] = _temp.File("eu");
    });

    [Fact]
    public async Task Refs()
    {
        await using var host = await StartAsync();
        #region doc:refs
        var studio = host.Object<Studio>("https://startups.studio");
        await studio.Startups.Create("acme", new Startup { Name = "Acme" });
        await studio.Startup("acme").Prioritize(2);
        await studio.Startup("acme").Tag("ai");

        Startup head = await studio.Startup("acme").Get();        // HEAD of the checked-out branch
        Startup back = await studio.Startup("acme@~1").Get();     // one version back: Priority 2, no tags
        var history = await studio.Startup("acme").History();     // newest first: Tag, Prioritize, create
        Startup first = await studio.Startup($"acme@v{history[^1].Version}").Get(); // an exact version
        var changes = await studio.Startups.Diff("acme@~2", "acme"); // priority 0 -> 2, tags [] -> ["ai"]
        #endregion

        Assert.Equal((2, 1), (head.Priority, head.Tags.Count));
        Assert.Equal((2, 0), (back.Priority, back.Tags.Count));
        Assert.Equal(["Tag", "Prioritize", "create"], history.Select(v => v.Verb));
        Assert.Equal(0, first.Priority);
        Assert.Equal(["priority", "tags"], changes.Select(c => c.Field));
    }

    [Fact]
    public async Task Branch_and_merge()
    {
        await using var host = await StartAsync();
        var studio = host.Object<Studio>("https://startups.studio");
        await studio.Startups.Create("acme", new Startup { Name = "Acme" });
        #region doc:branch
        await studio.Branch("experiment");             // copy-on-write: no rows are copied
        await studio.Checkout("experiment");           // later writes go to the branch
        await studio.Startup("acme").Prioritize(10);
        await studio.Checkout("main");
        Startup onMain = await studio.Startup("acme").Get();               // Priority 0: main did not see it
        Startup onBranch = await studio.Startup("acme@experiment").Get();  // Priority 10

        MergeResult merged = await studio.Merge("experiment");   // three-way, per thing and per field
        #endregion

        Assert.Equal(0, onMain.Priority);
        Assert.Equal(10, onBranch.Priority);
        Assert.Equal(1, merged.Changed);
        Assert.Equal(10, (await studio.Startup("acme").Get()).Priority);
    }

    [Fact]
    public async Task Conflicts()
    {
        await using var host = await StartAsync();
        var studio = host.Object<Studio>("https://startups.studio");
        await studio.Startups.Create("acme", new Startup { Name = "Acme" });
        await studio.Branch("experiment");
        await studio.Checkout("experiment");
        await studio.Startup("acme").Prioritize(10);
        await studio.Checkout("main");
        await studio.Startup("acme").Prioritize(20);
        #region doc:conflict
        try
        {
            await studio.Merge("experiment");
        }
        catch (MergeConflictException e)
        {
            // Nothing was written. Each conflict names the thing and field, with base, ours and theirs:
            // Startup acme.priority: base 0, ours 20, theirs 10
            foreach (var c in e.Conflicts)
            {
                Console.WriteLine($"{c.Noun} {c.Id}.{c.Field}: base {c.Base}, ours {c.Ours}, theirs {c.Theirs}");
            }
        }

        await studio.Merge("experiment", MergeStrategy.Theirs);   // or MergeStrategy.Ours
        #endregion

        Assert.Equal(10, (await studio.Startup("acme").Get()).Priority);
    }

    [Fact]
    public async Task Detached_views()
    {
        await using var host = await StartAsync();
        var studio = host.Object<Studio>("https://startups.studio");
        await studio.Startups.Create("acme", new Startup { Name = "Acme" });
        await studio.Startup("acme").Prioritize(2);
        #region doc:detached
        await studio.Checkout("@~1");                  // or "@v12", or "@2026-11-23T09:00:00Z"
        Startup then = await studio.Startup("acme").Get();        // the object as it was: Priority 0
        var refused = await Assert.ThrowsAsync<DetachedWriteException>(
            () => studio.Startup("acme").Prioritize());            // a view is read-only
        await studio.Checkout("main");                 // writable again
        #endregion

        Assert.Equal(0, then.Priority);
        Assert.Contains("read-only", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fork_compact_move()
    {
        await using var host = await StartAsync();
        var studio = host.Object<Studio>("https://startups.studio");
        await studio.Startups.Create("acme", new Startup { Name = "Acme" });
        await studio.Startup("acme").Prioritize(2);
        #region doc:fork-compact-move
        ObjectClient copy = await studio.Fork("https://copy.studio");   // HEAD state, no history, linked both ways
        CompactResult compacted = await studio.Compact();              // history squashed, archived to .jsonl
        string path = await studio.MoveTo("eu");                       // a colo from DoHostOptions.Colos
        #endregion

        Assert.Equal(2, (await copy.Ref<Startup>("acme").Get()).Priority);
        Assert.True(compacted.RowsAfter < compacted.RowsBefore);
        Assert.StartsWith(_temp.File("eu"), path, StringComparison.Ordinal);
        Assert.Equal(2, (await studio.Startup("acme").Get()).Priority);
    }

    [Fact]
    public void Every_example_in_the_page_is_this_code()
    {
        var root = FindRepositoryRoot();
        var page = File.ReadAllText(Path.Combine(root, "docs", "refs-and-lifecycle.md"));
        var code = File.ReadAllText(Path.Combine(root, "tests", "Do.Sdk.Tests", "Docs", "RefsAndLifecycleDocTests.cs"));
        var regions = System.Text.RegularExpressions.Regex.Matches(code, @"#region doc:(?<name>[\w-]+)\r?\n(?<body>.*?)\s*#endregion", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.Equal(5, regions.Count);
        foreach (System.Text.RegularExpressions.Match region in regions)
        {
            var name = region.Groups["name"].Value;
            var marker = $"<!-- doc:{name} -->";
            var at = page.IndexOf(marker, StringComparison.Ordinal);
            Assert.True(at >= 0, $"docs/refs-and-lifecycle.md has no {marker}");
            var block = System.Text.RegularExpressions.Regex.Match(page[at..], "```csharp\\r?\\n(?<body>.*?)```", System.Text.RegularExpressions.RegexOptions.Singleline).Groups["body"].Value;
            Assert.Equal(Dedent(region.Groups["body"].Value), Dedent(block));
        }
    }

    private static string Dedent(string text)
    {
        var lines = text.Replace("\r", "", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd()).ToList();
        while (lines.Count > 0 && lines[0].Length == 0)
        {
            lines.RemoveAt(0);
        }

        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        var indent = lines.Where(l => l.Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join('\n', lines.Select(l => l.Length == 0 ? l : l[indent..]));
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Do.Sdk.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Do.Sdk.sln not found above " + AppContext.BaseDirectory);
    }
}
