// The startup studio over HTTP, in two processes.
//   server: dotnet run --project samples/Do.Sdk.Web                                  (serves http://127.0.0.1:5080)
//   client: dotnet run --project samples/Do.Sdk.Web -- client http://127.0.0.1:5080  (another process, same typed code)
// The API key comes from DO_API_KEY (both sides); the OpenAPI document is at /openapi/v1.json; the dashboard at /do/ui/.
using Do;
using Do.Client;
using StartupStudio;

var apiKey = Environment.GetEnvironmentVariable("DO_API_KEY") is { Length: > 0 } fromEnv ? fromEnv : "dev-only-key";
const string Ns = "https://startups.studio";

if (args is ["client", var server, ..])
{
    using var http = new HttpClient { BaseAddress = new Uri(server) };
    http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
    var studio = new DoClient(http).Object<Studio>(Ns);

    Account.Heading("A client in another process, through DoClient");
    await studio.Customers.Create("bob", new Customer { Name = "Bob", Email = "bob@example.com" });
    Account.Line("created Customer bob");

    // The server's Customer.created handler creates Startup bob after the create commits: wait for its event.
    using (var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
    {
        await foreach (var e in studio.Events(0, patience.Token))
        {
            if (e is { Type: "Startup.created", Thing: "bob" })
            {
                Account.Line($"event #{e.Sequence} {e.Type} {e.Thing}: the server's handler created Startup bob");
                break;
            }
        }
    }

    await studio.Startup("bob").Prioritize(3);
    await studio.Startup("bob").Tag("remote");
    var now = await studio.Startup("bob").Get();
    var before = await studio.Startup("bob@~1").Get();
    Account.Line($"bob: priority {now.Priority}, tags [{string.Join(", ", now.Tags)}]; at bob@~1 tags were [{string.Join(", ", before.Tags)}]");
    foreach (var version in await studio.Startup("bob").History())
    {
        Account.Line($"v{version.Version,-3} {version.Verb}");
    }

    try
    {
        await studio.Startup("bob@v").Get();
    }
    catch (InvalidRefException e)
    {
        Account.Line("a bad ref comes back as the same exception: " + e.Message[..e.Message.IndexOf(':', StringComparison.Ordinal)]);
    }

    Account.Heading("Events so far (server-sent events)");
    using var enough = new CancellationTokenSource(TimeSpan.FromSeconds(2));
    try
    {
        await foreach (var e in studio.Events(0, enough.Token))
        {
            Account.Line($"#{e.Sequence} {e.Type} {e.Thing}");
        }
    }
    catch (OperationCanceledException)
    {
        // The stream is live: it would wait for more; two seconds of it is enough here.
    }

    return;
}

var builder = WebApplication.CreateBuilder(args);
var loopbackOnly = builder.Configuration["urls"] is null && Environment.GetEnvironmentVariable("ASPNETCORE_URLS") is null;
if (loopbackOnly)
{
    builder.WebHost.UseUrls("http://127.0.0.1:5080");
}

builder.Services.AddDurableObjects(o => o.DataPath = Path.GetFullPath(Path.Combine("data", "startup-studio-web")));
builder.Services.AddAuthentication().AddDoApiKeys(keys => keys.Add(apiKey, Ns));
builder.Services.AddOpenApi();

var app = builder.Build();
app.MapOpenApi();
app.MapDurableObjects();
// The dashboard has the API's authorization. Bound to 127.0.0.1 only, the sample lets a local browser in without
// signing in; a real app signs operators in with its own scheme (cookies, OpenID Connect) issuing do:ns claims.
app.MapDurableObjectsDashboard("/do/ui", o => o.AllowAnonymous = loopbackOnly);
app.MapGet("/", () => Results.Text($"The startup studio: objects under /do (X-Api-Key), the dashboard at /do/ui/, OpenAPI at /openapi/v1.json. Try: dotnet run --project samples/Do.Sdk.Web -- client {string.Join(' ', app.Urls)}"))
    .AllowAnonymous();
await app.RunAsync();
