using System.Net.Http.Headers;
using Do.Client;
using Do.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Do.AspNetCore.BrowserTests.Support;

/// <summary>
/// A real Kestrel on 127.0.0.1 with a random port serving a real DoHost over a temp folder: the API under /do and the
/// dashboard under /do/ui, both behind the same API keys.
/// </summary>
public sealed class DashboardServer : IAsyncDisposable
{
    /// <summary>Grants https://startups.studio and every namespace under it.</summary>
    public const string StudioKey = "studio-key-0123456789";

    /// <summary>Grants only https://elsewhere.example.</summary>
    public const string ElsewhereKey = "elsewhere-key-0123456789";

    private readonly TempFolder _temp;
    private readonly WebApplication _app;

    private DashboardServer(WebApplication app, TempFolder temp, Uri address)
    {
        _app = app;
        _temp = temp;
        Address = address;
    }

    public Uri Address { get; }

    public DoHost Host => _app.Services.GetRequiredService<DoHost>();

    public static async Task<DashboardServer> StartAsync()
    {
        var temp = new TempFolder();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddDurableObjects(o =>
        {
            o.DataPath = temp.Path;
            // A failing handler is dead-lettered at once, so a test does not wait through retries.
            o.Actions = new ActionOptions { HandlerRetries = 0, HandlerRetryDelay = TimeSpan.Zero };
        });
        builder.Services.AddAuthentication().AddDoApiKeys(keys => keys
            .Add(StudioKey, "https://startups.studio", "https://startups.studio/**")
            .Add(ElsewhereKey, "https://elsewhere.example"));

        var app = builder.Build();
        app.MapDurableObjects();
        app.MapDurableObjectsDashboard("/do/ui");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new DashboardServer(app, temp, new Uri(address));
    }

    /// <summary>The dashboard's address for <paramref name="path"/> (under /do/ui).</summary>
    public string Url(string path = "/") => new Uri(Address, "/do/ui" + path).ToString();

    /// <summary>A raw HTTP client, sending <paramref name="key"/> when given, asking for HTML like a browser.</summary>
    public HttpClient Http(string? key = StudioKey)
    {
        var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Address };
        if (key is not null)
        {
            http.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        return http;
    }

    /// <summary>The typed remote client, as another process would change objects while someone watches the dashboard.</summary>
    public DoClient Client(string? key = StudioKey)
    {
        var http = new HttpClient { BaseAddress = Address };
        if (key is not null)
        {
            http.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        return new DoClient(http);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _temp.Dispose();
    }
}
