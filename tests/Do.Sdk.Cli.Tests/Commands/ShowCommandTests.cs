using System.Text.Json;
using Do.Cli.Tests.Support;

namespace Do.Cli.Tests.Commands;

[Collection(StudioCollection.Name)]
public sealed class ShowCommandTests(StudioData data)
{
    [Fact]
    public async Task Show_Head_PrintsTheFields()
    {
        var result = await DoTool.SucceedAsync("show", "https://startups.studio/beta", "--data", data.DataPath);

        Assert.Contains("Startup https://startups.studio/beta", result.Output, StringComparison.Ordinal);
        Assert.Contains("Beta [labs]", result.Output, StringComparison.Ordinal); // brackets are text, not markup
    }

    [Fact]
    public async Task Show_AncestorRef_Json_ReadsTheOlderVersion()
    {
        var head = await DoTool.SucceedAsync("show", "https://startups.studio/acme", "--noun", "Startup", "--json", "--data", data.DataPath);
        var back = await DoTool.SucceedAsync("show", "https://startups.studio/acme@~1", "--noun", "Startup", "--json", "--data", data.DataPath);

        using var now = JsonDocument.Parse(head.Output);
        using var before = JsonDocument.Parse(back.Output);
        Assert.Equal(5, now.RootElement.GetProperty("data").GetProperty("priority").GetInt32());
        Assert.Equal(2, before.RootElement.GetProperty("data").GetProperty("priority").GetInt32());
        Assert.Equal("Startup", before.RootElement.GetProperty("noun").GetString());
        Assert.True(before.RootElement.GetProperty("version").GetInt64() < now.RootElement.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Show_IdSharedByTwoNouns_AsksForNoun()
    {
        var error = await DoTool.FailAsync("show", "https://startups.studio/acme", "--data", data.DataPath);

        Assert.Contains("--noun", error, StringComparison.Ordinal);
        Assert.Contains("Customer", error, StringComparison.Ordinal);
        Assert.Contains("Startup", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_UnknownThing_SaysSoAndFails()
    {
        var error = await DoTool.FailAsync("show", "https://startups.studio/nobody", "--data", data.DataPath);

        Assert.Contains("\"nobody\"", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_UnknownObject_PointsAtDoObjects()
    {
        var error = await DoTool.FailAsync("show", "https://nowhere.example/acme", "--data", data.DataPath);

        Assert.Contains("https://nowhere.example", error, StringComparison.Ordinal);
        Assert.Contains("do objects", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://startups.studio/acme@v", "@v")]
    [InlineData("https://startups.studio/acme@2026-11-23T09:00", "no zone")]
    public async Task Show_BadRef_ReusesTheRuntimeMessage(string reference, string expected)
    {
        var error = await DoTool.FailAsync("show", reference, "--data", data.DataPath);

        Assert.Contains(reference, error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_LocalId_AsksForTheFullUrl()
    {
        var error = await DoTool.FailAsync("show", "acme@~1", "--data", data.DataPath);

        Assert.Contains("https://startups.studio/acme@~1", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_RefBeyondHistory_SelectsNothing()
    {
        var error = await DoTool.FailAsync("show", "https://startups.studio/acme@~9", "--noun", "Startup", "--data", data.DataPath);

        Assert.Contains("selects nothing", error, StringComparison.Ordinal);
    }
}
