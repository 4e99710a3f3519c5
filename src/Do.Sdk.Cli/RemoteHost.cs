using Do.Infrastructure;
using Do.Client;

namespace Do.Cli;

/// <summary>A running host reached over HTTP with <see cref="DoClient"/>, as any other process would reach it.</summary>
internal sealed class RemoteHost : IDisposable
{
    private readonly HttpClient _http;

    private RemoteHost(HttpClient http)
    {
        _http = http;
        Client = new DoClient(http);
    }

    /// <summary>The typed HTTP client.</summary>
    public DoClient Client { get; }

    /// <summary>The host's address.</summary>
    public Uri Address => _http.BaseAddress!;

    /// <summary>Connects to <paramref name="url"/>, sending <paramref name="apiKey"/> as <c>X-Api-Key</c> when given.</summary>
    /// <exception cref="CliException">The address is not an absolute http(s) URL.</exception>
    public static RemoteHost Connect(string url, string? apiKey)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var address) || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
        {
            throw new CliException($"--url \"{url}\" is not an absolute http:// or https:// address, e.g. http://127.0.0.1:5080.");
        }

        var http = new HttpClient { BaseAddress = address };
        if (!string.IsNullOrEmpty(apiKey))
        {
            http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        return new RemoteHost(http);
    }

    /// <summary>A client of object <paramref name="ns"/>.</summary>
    public ObjectClient Object(ObjectNamespace ns) => Client.Object(ns.Value);

    /// <summary>
    /// The noun as the HTTP routes need it: by name only. The tool has none of the app's generated code, and the
    /// server resolves the name against its own registry.
    /// </summary>
    public static NounInfo Noun(string name) => new(name, name, null, [], [], []);

    /// <summary>The error for a command the HTTP API cannot serve.</summary>
    public static CliException Unsupported(string command, string why)
        => new($"`do {command}` cannot run with --url: {why}. Run it on the host's data folder with --data <folder> instead.");

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();
}
