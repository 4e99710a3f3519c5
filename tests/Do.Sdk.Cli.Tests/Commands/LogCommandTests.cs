using System.Text.Json;
using Do.Cli.Tests.Support;

namespace Do.Cli.Tests.Commands;

[Collection(StudioCollection.Name)]
public sealed class LogCommandTests(StudioData data)
{
    [Fact]
    public async Task Log_ListsVersionsNewestFirst_WithTheirVerbs()
    {
        var result = await DoTool.SucceedAsync("log", "https://startups.studio/acme", "--noun", "Startup", "--data", data.DataPath, "--json");

        using var json = JsonDocument.Parse(result.Output);
        var verbs = json.RootElement.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("verb").GetString()).ToList();
        Assert.Equal(["Prioritize", "Prioritize", "create"], verbs);
        var priorities = json.RootElement.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("data").GetProperty("priority").GetInt32());
        Assert.Equal([5, 2, 0], priorities);
    }

    [Fact]
    public async Task Log_Table_ShowsEachVersion()
    {
        var result = await DoTool.SucceedAsync("log", "https://startups.studio/zed", "--data", data.DataPath);

        Assert.Contains("create", result.Output, StringComparison.Ordinal);
        Assert.Contains("Zed", result.Output, StringComparison.Ordinal);
    }
}
