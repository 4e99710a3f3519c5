using System.Text.Json;
using Do.AspNetCore;
using Do.Cli.Tests.Support;
using Do.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Do.Cli.Tests.Commands;

/// <summary>The commands with --url against a real Kestrel on 127.0.0.1 serving MapDurableObjects.</summary>
public sealed class RemoteCommandsTests : IAsyncLifetime
{
    private const string Key = "cli-test-key-0123456789";
    private readonly TempFolder _temp = new();
    private WebApplication _app = null!;
    private string _url = "";

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddDurableObjects(o =>
        {
            o.DataPath = Path.Combine(_temp.Path, "data");
            o.Actions.HandlerRetries = 0;
        });
        builder.Services.AddAuthentication().AddDoApiKeys(keys => keys.Add(Key, "https://remote.studio"));
        _app = builder.Build();
        _app.MapDurableObjects();
        await _app.StartAsync();
        _url = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var studio = _app.Services.GetRequiredService<DoHost>().Object<Studio>("https://remote.studio");
        await studio.Startups.Create("acme", new Startup { Name = "Acme" });
        await studio.Startup("acme").Prioritize(4);
        // A name of its own: each test gets a new server, and the handler refuses each name only once.
        await studio.Customers.Create("ann", new Customer { Name = $"Ann {Guid.NewGuid():N} (refuse mail)" });
    }

    [Fact]
    public async Task ShowLogDiff_OverUrl_ReadThroughTheHost()
    {
        var show = await DoTool.SucceedAsync("show", "https://remote.studio/acme@~1", "--noun", "Startup", "--json", "--url", _url, "--api-key", Key);
        var log = await DoTool.SucceedAsync("log", "https://remote.studio/acme", "--noun", "Startup", "--json", "--url", _url, "--api-key", Key);
        var diff = await DoTool.SucceedAsync("diff", "https://remote.studio/acme@~1", "acme", "--noun", "Startup", "--json", "--url", _url, "--api-key", Key);

        using var shown = JsonDocument.Parse(show.Output);
        Assert.Equal(0, shown.RootElement.GetProperty("data").GetProperty("priority").GetInt32());
        using var history = JsonDocument.Parse(log.Output);
        Assert.Equal(2, history.RootElement.GetProperty("versions").GetArrayLength());
        using var changes = JsonDocument.Parse(diff.Output);
        Assert.Equal("priority", Assert.Single(changes.RootElement.GetProperty("changes").EnumerateArray()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task Show_OverUrl_WithoutNoun_SaysTheRoutesNeedIt()
    {
        var error = await DoTool.FailAsync("show", "https://remote.studio/acme", "--url", _url, "--api-key", Key);

        Assert.Contains("--noun", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeadLettersAndReplay_OverUrl_RunTheHandlerAgain()
    {
        var listed = await DoTool.SucceedAsync("dead-letters", "--ns", "https://remote.studio", "--json", "--url", _url, "--api-key", Key);
        using var letters = JsonDocument.Parse(listed.Output);
        var id = Assert.Single(letters.RootElement.EnumerateArray()).GetProperty("id").GetInt64();

        var replay = await DoTool.SucceedAsync("replay", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--ns", "https://remote.studio", "--json", "--url", _url, "--api-key", Key);

        using var replayed = JsonDocument.Parse(replay.Output);
        Assert.True(replayed.RootElement.GetProperty("replayed").GetBoolean());
        var after = await DoTool.SucceedAsync("dead-letters", "--ns", "https://remote.studio", "--json", "--url", _url, "--api-key", Key);
        using var open = JsonDocument.Parse(after.Output);
        Assert.Equal(0, open.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task Compact_OverUrl_GoesThroughTheRunningHost()
    {
        var result = await DoTool.SucceedAsync("compact", "--ns", "https://remote.studio", "--json", "--url", _url, "--api-key", Key);

        using var json = JsonDocument.Parse(result.Output);
        Assert.True(Assert.Single(json.RootElement.EnumerateArray()).GetProperty("compacted").GetBoolean());
    }

    [Fact]
    public async Task ActionsFailed_OverUrl_EitherListsOrSaysTheClientCannotYet()
    {
        var result = await DoTool.RunAsync("actions", "--failed", "--ns", "https://remote.studio", "--json", "--url", _url, "--api-key", Key);

        if (result.ExitCode == 0)
        {
            using var json = JsonDocument.Parse(result.Output);
            Assert.Equal(JsonValueKind.Array, json.RootElement.ValueKind);
        }
        else
        {
            Assert.Contains("cannot read the action log yet", result.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task WrongKey_OverUrl_FailsWithTheHostsAnswer()
    {
        var error = await DoTool.FailAsync("dead-letters", "--ns", "https://remote.studio", "--url", _url, "--api-key", "wrong-key-0123456789");

        Assert.DoesNotContain("Exception", error.Split('\n')[0], StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _temp.Dispose();
    }
}
