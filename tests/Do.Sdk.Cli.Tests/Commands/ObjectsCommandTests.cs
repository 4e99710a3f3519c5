using System.Text.Json;
using Do.Cli.Tests.Support;
using Do.Tests.Support;

namespace Do.Cli.Tests.Commands;

[Collection(StudioCollection.Name)]
public sealed class ObjectsCommandTests(StudioData data)
{
    [Fact]
    public async Task Objects_ListsEveryObject_WhileTheHostRuns()
    {
        var result = await DoTool.SucceedAsync("objects", "--data", data.DataPath);

        Assert.Contains("https://startups.studio", result.Output, StringComparison.Ordinal);
        Assert.Contains("https://other.example", result.Output, StringComparison.Ordinal);
        Assert.Contains("Studio", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Objects_Json_ParsesBackToTheCatalog()
    {
        var result = await DoTool.SucceedAsync("objects", "--data", data.DataPath, "--json");

        using var json = JsonDocument.Parse(result.Output);
        var names = json.RootElement.EnumerateArray().Select(o => o.GetProperty("ns").GetString()).ToList();
        Assert.Equal(["https://other.example", "https://startups.studio"], names);
        Assert.All(json.RootElement.EnumerateArray(), o => Assert.EndsWith("Studio", o.GetProperty("class").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task MissingDataFolder_SaysWhichFolderAndHowToPointAtOne()
    {
        using var temp = new TempFolder();
        var missing = Path.Combine(temp.Path, "nowhere");

        var error = await DoTool.FailAsync("objects", "--data", missing);

        Assert.Contains(missing, error, StringComparison.Ordinal);
        Assert.Contains("--data", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FolderWithoutCatalog_IsNotADataFolder()
    {
        using var temp = new TempFolder();

        var error = await DoTool.FailAsync("objects", "--data", temp.Path);

        Assert.Contains("catalog.db", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Objects_OverUrl_SaysTheHttpApiCannotListObjects()
    {
        var error = await DoTool.FailAsync("objects", "--url", "http://127.0.0.1:9");

        Assert.Contains("HTTP API has no list of objects", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownOption_FailsWithNonZeroExitCode()
    {
        var result = await DoTool.RunAsync("objects", "--dta", data.DataPath);

        Assert.NotEqual(0, result.ExitCode);
    }
}
