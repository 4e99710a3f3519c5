using System.Text.Json;
using Do.Cli.Tests.Support;

namespace Do.Cli.Tests.Commands;

[Collection(StudioCollection.Name)]
public sealed class DeadLettersCommandTests(StudioData data)
{
    [Fact]
    public async Task DeadLetters_Json_ShowTheFailedHandlerAndItsEvent()
    {
        var result = await DoTool.SucceedAsync("dead-letters", "--json", "--data", data.DataPath);

        using var json = JsonDocument.Parse(result.Output);
        var letter = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal(StudioData.Ns, letter.GetProperty("ns").GetString());
        Assert.Contains("mail server refused", letter.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("Customer.created", letter.GetProperty("event").GetProperty("type").GetString());
    }

    [Fact]
    public async Task DeadLetters_Table_ShowsTheError()
    {
        var result = await DoTool.SucceedAsync("dead-letters", "--data", data.DataPath);

        Assert.Contains("mail server refused", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_OnTheDataFolder_PointsToUrl()
    {
        var error = await DoTool.FailAsync("replay", "1", "--ns", StudioData.Ns, "--data", data.DataPath);

        Assert.Contains("--url", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_WithoutNamespace_AsksForIt()
    {
        var error = await DoTool.FailAsync("replay", "1", "--data", data.DataPath);

        Assert.Contains("--ns", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_NonPositiveId_NamesTheValue()
    {
        var error = await DoTool.FailAsync("replay", "0", "--ns", StudioData.Ns, "--data", data.DataPath);

        Assert.Contains("id 0", error, StringComparison.Ordinal);
    }
}
