using System.Text.Json;
using Do.Cli.Tests.Support;

namespace Do.Cli.Tests.Commands;

[Collection(StudioCollection.Name)]
public sealed class ExportCommandTests(StudioData data)
{
    [Fact]
    public async Task Export_WritesEveryVersionAsJsonLines_WithAnIndex()
    {
        var target = Path.Combine(data.TempPath, "export-" + Guid.NewGuid().ToString("N"));

        var result = await DoTool.SucceedAsync("export", "--ns", StudioData.Ns, "--out", target, "--json", "--data", data.DataPath);

        using var summary = JsonDocument.Parse(result.Output);
        var exported = Assert.Single(summary.RootElement.GetProperty("objects").EnumerateArray());
        var lines = await File.ReadAllLinesAsync(Path.Combine(target, exported.GetProperty("file").GetString()!));
        Assert.Equal(exported.GetProperty("versions").GetInt64(), lines.Length);
        var acme = lines.Select(l => JsonDocument.Parse(l).RootElement).Where(e => e.GetProperty("noun").GetString() == "Startup" && e.GetProperty("id").GetString() == "acme").ToList();
        Assert.Equal([0, 2, 5], acme.Select(e => e.GetProperty("data").GetProperty("priority").GetInt32()));
        using var index = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(target, "index.json")));
        Assert.Equal(StudioData.Ns, index.RootElement[0].GetProperty("ns").GetString());
    }

    [Fact]
    public async Task Export_ShowsAProgressBar()
    {
        var target = Path.Combine(data.TempPath, "export-" + Guid.NewGuid().ToString("N"));

        var result = await DoTool.SucceedAsync(interactive: true, "export", "--out", target, "--data", data.DataPath);

        Assert.Contains("Exporting", result.Output, StringComparison.Ordinal);
        Assert.Contains("Exported 2 object(s)", result.Output, StringComparison.Ordinal);
    }
}
