using System.Text.Json;
using Do.Cli.Tests.Support;

namespace Do.Cli.Tests.Commands;

[Collection(StudioCollection.Name)]
public sealed class DiffCommandTests(StudioData data)
{
    [Fact]
    public async Task Diff_Json_NamesTheChangedFieldWithBothValues()
    {
        var result = await DoTool.SucceedAsync("diff", "https://startups.studio/acme@~2", "acme", "--noun", "Startup", "--json", "--data", data.DataPath);

        using var json = JsonDocument.Parse(result.Output);
        var change = Assert.Single(json.RootElement.GetProperty("changes").EnumerateArray());
        Assert.Equal("priority", change.GetProperty("field").GetString());
        Assert.Equal(0, change.GetProperty("before").GetInt32());
        Assert.Equal(5, change.GetProperty("after").GetInt32());
    }

    [Fact]
    public async Task Diff_SameVersion_SaysThereIsNoDifference()
    {
        var result = await DoTool.SucceedAsync("diff", "https://startups.studio/beta", "https://startups.studio/beta@main", "--data", data.DataPath);

        Assert.Contains("No differences", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_TwoDifferentThings_IsRefused()
    {
        var error = await DoTool.FailAsync("diff", "https://startups.studio/beta", "https://startups.studio/zed", "--data", data.DataPath);

        Assert.Contains("different things", error, StringComparison.Ordinal);
    }
}
