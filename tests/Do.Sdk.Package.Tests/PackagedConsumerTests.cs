using Do.Sdk.Package.Tests.Infrastructure;

namespace Do.Sdk.Package.Tests;

/// <summary>
/// Apps outside the repository that reference the packed Do.Sdk by version, restored from a local feed and
/// nuget.org, built with warnings as errors — what a user gets from one PackageReference.
/// </summary>
[Collection(PackageFixture.Collection)]
public sealed class PackagedConsumerTests(PackageFixture package)
{
    [Fact]
    public async Task A_consumer_builds_without_warnings_and_runs_on_the_packed_runtime()
    {
        var (project, run) = await BuildAndRunConsumerAsync("Works");
        var dataPath = Path.Combine(project, "data");

        Assert.True(run.Output.Contains("Acme -> 2", StringComparison.Ordinal), run.Describe("did not run the typed Startup.prioritized handler"));
        Assert.True(run.Output.Contains("now: priority 2, tags [ai]", StringComparison.Ordinal), run.Describe("did not apply the verbs"));
        Assert.True(run.Output.Contains("before: priority 2, tags []", StringComparison.Ordinal), run.Describe("did not read acme@~1"));
        Assert.True(run.Output.Contains("all: Acme, Alice", StringComparison.Ordinal), run.Describe("did not list acme and the startup the Customer.created handler made"));
        Assert.True(run.Output.Contains("objects: https://startups.studio", StringComparison.Ordinal), run.Describe("did not list its object"));
        Assert.NotEmpty(Directory.EnumerateFiles(dataPath, "*.db", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_consumer_returns_verb_values_compacts_after_branches_and_dead_letters_cancels_and_undoes()
    {
        var (_, run) = await BuildAndRunConsumerAsync("Platform");

        Assert.True(run.Output.Contains("value: lines 1, total 12.5", StringComparison.Ordinal), run.Describe("did not return the verbs' values"));
        Assert.True(run.Output.Contains("compact: dead letters 1 then 1, branches main", StringComparison.Ordinal), run.Describe("did not compact an object with a branch and a dead letter"));
        Assert.True(run.Output.Contains("cancel: action Failed, settled False", StringComparison.Ordinal), run.Describe("left the cancelled action in limbo or changed state"));
        Assert.True(run.Output.Contains("undo: alice added, bob undid, total 12.5 then 13.5", StringComparison.Ordinal), run.Describe("did not undo and redo with actors"));
        Assert.True(run.Output.Contains("emit: invoice.closed {\"lines\":2} by carol", StringComparison.Ordinal), run.Describe("did not deliver the emitted event"));
    }

    [Fact]
    public async Task A_consumer_sees_spans_and_instruments_fails_crossing_calls_with_a_deadlock_and_skips_seven_days_with_DoTestHost()
    {
        var (_, run) = await BuildAndRunConsumerAsync("Runtime");

        var spans = System.Text.RegularExpressions.Regex.Match(run.Output, @"spans: (\d+) tagged https://studio\.example");
        Assert.True(spans.Success && int.Parse(spans.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) > 0, run.Describe("saw no span tagged with the object"));
        var instruments = System.Text.RegularExpressions.Regex.Match(run.Output, @"instruments: (\d+) \[");
        Assert.True(instruments.Success && int.Parse(instruments.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= 3, run.Describe("saw fewer than 3 instruments measure"));
        Assert.True(run.Output.Contains("deadlock: [https://a.example, https://b.example] before the call timeout, message names both: True", StringComparison.Ordinal), run.Describe("did not fail the crossing calls with a DeadlockException naming both objects"));
        Assert.True(run.Output.Contains("daily: 7 runs over 7 days", StringComparison.Ordinal), run.Describe("did not run the daily schedule 7 times"));
    }

    [Fact]
    public async Task The_readme_first_example_pasted_into_Program_cs_builds_and_runs_twice()
    {
        _ = package.Pack;
        var project = package.CopyConsumer("Readme");
        var readme = File.ReadAllText(Path.Combine(BuildPaths.RepositoryRoot, "README.md"));
        var section = readme[readme.IndexOf("## Your first object", StringComparison.Ordinal)..];
        var code = System.Text.RegularExpressions.Regex.Match(section, "```csharp\\r?\\n(?<body>.*?)```", System.Text.RegularExpressions.RegexOptions.Singleline).Groups["body"].Value;
        File.WriteAllText(Path.Combine(project, "Program.cs"), code);

        var build = await DotNet.MSBuildAsync(project, "build", "--configuration", "Release");
        build.EnsureSucceeded();
        Assert.True(build.Output.Contains(" 0 Warning(s)", StringComparison.Ordinal), build.Describe("reported warnings"));

        var dll = Path.Combine(project, "bin", "Release", "net10.0", "Readme.dll");
        var first = await DotNet.RunAsync(project, dll);
        first.EnsureSucceeded();
        var second = await DotNet.RunAsync(project, dll); // same data folder: the program must not trip over its own data
        second.EnsureSucceeded();

        Assert.True(first.Output.Contains("Acme: priority 2, tags [ai]; 2 startups", StringComparison.Ordinal), first.Describe("did not run the README's verbs"));
        Assert.True(second.Output.Contains("Acme: priority 4, tags [ai, ai]; 2 startups", StringComparison.Ordinal), second.Describe("did not run again on the same data"));
        Assert.NotEmpty(Directory.EnumerateFiles(Path.Combine(project, "data"), "*.db", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_consumer_on_a_3_silo_test_cluster_keeps_every_update_event_move_and_acknowledged_write()
    {
        var (_, run) = await BuildAndRunConsumerAsync("Cluster");

        Assert.True(run.Output.Contains("concurrent: 20,20,20,20,20", StringComparison.Ordinal), run.Describe("lost a concurrent update"));
        Assert.True(run.Output.Contains("handlers: 100 events, each once: True", StringComparison.Ordinal), run.Describe("did not handle each event exactly once"));
        Assert.True(run.Output.Contains("placed: True True", StringComparison.Ordinal), run.Describe("did not move the relay objects to two silos"));
        Assert.True(run.Output.Contains("cross: a has 2 notes, b has 1", StringComparison.Ordinal), run.Describe("did not relay A -> B -> A between silos"));
        Assert.True(run.Output.Contains("time travel: now 3, ~1 1, experiment 13, branches main experiment", StringComparison.Ordinal), run.Describe("did not branch and read back in time"));
        Assert.True(run.Output.Contains("moved: 4 then 5", StringComparison.Ordinal), run.Describe("lost data or writes on MoveTo"));
        Assert.True(run.Output.Contains("killed: 4 of 4 objects kept every write and took another", StringComparison.Ordinal), run.Describe("lost an acknowledged write when a silo died"));
    }

    [Fact]
    public async Task A_consumer_with_a_non_partial_noun_fails_to_build_with_DO0001()
    {
        _ = package.Pack;
        var project = package.CopyConsumer("Misuse");

        var build = await DotNet.MSBuildAsync(project, "build", "--configuration", "Release");

        Assert.False(build.Succeeded, build.Describe("succeeded, but the packed analyzer should have failed it"));
        Assert.True(build.Output.Contains("error DO0001", StringComparison.Ordinal), build.Describe("did not report DO0001"));
        Assert.True(build.Output.Contains("'Customer'", StringComparison.Ordinal), build.Describe("did not name the noun"));
    }

    /// <summary>
    /// Copies the consumer <paramref name="name"/>, builds it against the packed packages (warnings are errors, and the
    /// build must report none) and runs it with a data folder of its own; the run must succeed.
    /// </summary>
    private async Task<(string Project, CommandResult Run)> BuildAndRunConsumerAsync(string name)
    {
        _ = package.Pack;
        var project = package.CopyConsumer(name);

        var build = await DotNet.MSBuildAsync(project, "build", "--configuration", "Release");
        build.EnsureSucceeded();
        Assert.True(build.Output.Contains(" 0 Warning(s)", StringComparison.Ordinal), build.Describe("reported warnings"));

        var run = await DotNet.RunAsync(project, Path.Combine(project, "bin", "Release", "net10.0", name + ".dll"), Path.Combine(project, "data"));
        run.EnsureSucceeded();
        return (project, run);
    }
}
