using System.Net.Http.Headers;
using Do.Client;
using Do.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Do.AspNetCore.Tests.Support;

/// <summary>
/// A real Kestrel on 127.0.0.1 with a random port, serving a real DoHost over a temp folder through
/// <c>MapDurableObjects</c>, with API keys and the OpenAPI document.
/// </summary>
public sealed class DoServer : IAsyncDisposable
{
    /// <summary>Grants every namespace under https://startups.studio/.</summary>
    public const string StudioKey = "studio-key-0123456789";

    /// <summary>Grants only https://elsewhere.example.</summary>
    public const string ElsewhereKey = "elsewhere-key-0123456789";

    /// <summary>Grants every namespace under https://startups.studio/ and may act for every <c>user:*</c> actor.</summary>
    public const string ActorKey = "actor-key-0123456789";

    private readonly TempFolder _temp;
    private readonly WebApplication _app;

    private DoServer(WebApplication app, TempFolder temp, Uri address)
    {
        _app = app;
        _temp = temp;
        Address = address;
    }

    public Uri Address { get; }

    public DoHost Host => _app.Services.GetRequiredService<DoHost>();

    /// <summary>Every endpoint MapDurableObjects mapped: its route pattern and HTTP method.</summary>
    public IReadOnlyList<(string Pattern, string Method)> ObjectEndpoints
        => [.. ((IEndpointRouteBuilder)_app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/do/", StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => (e.RoutePattern.RawText!, m)))];

    public static async Task<DoServer> StartAsync(Action<DoEndpointOptions>? endpoints = null, long? maxBody = null, int? permits = null, Microsoft.Extensions.AI.IChatClient? chat = null)
    {
        var temp = new TempFolder();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddDurableObjects(o =>
        {
            o.DataPath = temp.Path;
            o.ChatClient = chat;
        });
        builder.Services.AddAuthentication().AddDoApiKeys(keys => keys
            .Add(StudioKey, "https://startups.studio/**")
            .Add(ElsewhereKey, "https://elsewhere.example")
            .Add(ActorKey, "https://startups.studio/**")
            .ActFor(ActorKey, "user:*"));
        builder.Services.AddOpenApi();
        if (permits is { } limit)
        {
            // A window far longer than any test: the limit is a count, not a rate the test has to race.
            builder.Services.AddRateLimiter(o =>
            {
                o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                o.AddFixedWindowLimiter("tight", w => (w.PermitLimit, w.Window, w.QueueLimit) = (limit, TimeSpan.FromHours(1), 0));
            });
        }

        var app = builder.Build();
        if (permits is not null)
        {
            app.UseRateLimiter();
        }

        app.MapOpenApi();
        app.MapDurableObjects(configure: o =>
        {
            if (maxBody is { } max)
            {
                o.MaxRequestBodySize = max;
            }

            if (permits is not null)
            {
                o.RateLimiterPolicy = "tight";
            }

            endpoints?.Invoke(o);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new DoServer(app, temp, new Uri(address));
    }

    /// <summary>A raw HTTP client to the server, sending <paramref name="key"/> when given.</summary>
    public HttpClient Http(string? key = StudioKey)
    {
        var http = new HttpClient { BaseAddress = Address };
        if (key is not null)
        {
            http.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return http;
    }

    /// <summary>The typed remote client, as another process would use it.</summary>
    public DoClient Client(string? key = StudioKey) => new(Http(key));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _temp.Dispose();
    }
}
