using System.Text.Json;
using Do.Cli.Tests.Support;

namespace Do.Cli.Tests.Commands;

[Collection(StudioCollection.Name)]
public sealed class ActionsCommandTests(StudioData data)
{
    [Fact]
    public async Task ActionsFailed_Json_ListsOnlyTheFailedLaunch_WithItsError()
    {
        var result = await DoTool.SucceedAsync("actions", "--failed", "--json", "--data", data.DataPath);

        using var json = JsonDocument.Parse(result.Output);
        var failed = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal(StudioData.Ns, failed.GetProperty("ns").GetString());
        Assert.Equal("failed", failed.GetProperty("status").GetString());
        Assert.Contains("launch pad for Beta [labs] is on fire", failed.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Actions_ForOneObject_ListsItsWrites()
    {
        var result = await DoTool.SucceedAsync("actions", "--ns", "https://other.example", "--json", "--data", data.DataPath);

        using var json = JsonDocument.Parse(result.Output);
        var only = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal("https://other.example", only.GetProperty("ns").GetString());
    }

    [Fact]
    public async Task Actions_LimitOutOfRange_NamesTheValue()
    {
        var error = await DoTool.FailAsync("actions", "--limit", "0", "--data", data.DataPath);

        Assert.Contains("--limit 0", error, StringComparison.Ordinal);
    }
}
