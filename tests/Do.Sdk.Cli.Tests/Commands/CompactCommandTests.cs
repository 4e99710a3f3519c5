using System.Text.Json;
using Do.Cli.Tests.Support;
using Do.Tests.Support;

namespace Do.Cli.Tests.Commands;

public sealed class CompactCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    private string DataPath => Path.Combine(_temp.Path, "data");

    [Fact]
    public async Task CompactAll_WhileAHostRuns_IsRefused_PointingToUrl_AndChangesNothing()
    {
        await using var host = await Fill();
        var before = await Versions();

        var error = await DoTool.FailAsync("compact", "--all", "--data", DataPath);

        Assert.Contains("A host is running", error, StringComparison.Ordinal);
        Assert.Contains("--url", error, StringComparison.Ordinal);
        Assert.Equal(before, await Versions());
    }

    [Fact]
    public async Task CompactAll_AfterTheHostStopped_SquashesHistory_AndTheHostReadsHeadAfterwards()
    {
        await (await Fill()).DisposeAsync();

        var result = await DoTool.SucceedAsync("compact", "--all", "--json", "--data", DataPath);

        using var json = JsonDocument.Parse(result.Output);
        var compacted = Assert.Single(json.RootElement.EnumerateArray());
        Assert.True(compacted.GetProperty("compacted").GetBoolean());
        Assert.True(compacted.GetProperty("rowsAfter").GetInt64() < compacted.GetProperty("rowsBefore").GetInt64());
        Assert.Equal(1, await Versions());
        await using var host = await DoHost.StartAsync(o => o.DataPath = DataPath);
        Assert.Equal(3, (await host.Object<Studio>(StudioData.Ns).Startup("acme").Get()).Priority);
    }

    [Fact]
    public async Task CompactAll_ShowsAProgressBar()
    {
        await (await Fill()).DisposeAsync();

        var result = await DoTool.SucceedAsync(interactive: true, "compact", "--all", "--data", DataPath);

        Assert.Contains("Compacting", result.Output, StringComparison.Ordinal);
        Assert.Contains("100%", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compact_WithoutAllOrNs_SaysWhichToGive()
    {
        var error = await DoTool.FailAsync("compact", "--data", DataPath);

        Assert.Contains("--all or --ns", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompactAll_OverUrl_SaysTheApiCannotListObjects()
    {
        var error = await DoTool.FailAsync("compact", "--all", "--url", "http://127.0.0.1:9");

        Assert.Contains("--ns", error, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();

    private async Task<DoHost> Fill()
    {
        var host = await DoHost.StartAsync(o => o.DataPath = DataPath);
        var studio = host.Object<Studio>(StudioData.Ns);
        await studio.Startups.Create("acme", new Startup { Name = "Acme" });
        await studio.Startup("acme").Prioritize(1);
        await studio.Startup("acme").Prioritize(2);
        return host;
    }

    private async Task<long> Versions()
    {
        var result = await DoTool.SucceedAsync("sql", StudioData.Ns, "SELECT count(*) AS n FROM things", "--json", "--data", DataPath);
        using var json = JsonDocument.Parse(result.Output);
        return json.RootElement[0].GetProperty("n").GetInt64();
    }
}
