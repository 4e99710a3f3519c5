namespace Do.Client;

/// <summary>
/// Reaches durable objects served by another process over HTTP (an ASP.NET Core app that called
/// <c>MapDurableObjects</c>), through the same generated DSL as the embedded host:
/// <c>new DoClient(http).Object&lt;Studio&gt;(ns).Startup("acme").Prioritize(2)</c>. Errors the server raises come
/// back as the same exception types with the same messages.
/// </summary>
/// <remarks>
/// Only <see cref="System.Net.Http.HttpClient"/> and source-generated JSON are used (no reflection), so the client is
/// trimming- and AOT-safe. Authentication is the <see cref="System.Net.Http.HttpClient"/>'s: set its default headers
/// (e.g. an API key) or give it a handler that adds a bearer token.
/// </remarks>
public sealed class DoClient
{
    /// <summary>The route prefix <c>MapDurableObjects</c> uses unless told otherwise.</summary>
    public const string DefaultPrefix = "/do";

    /// <summary>A client over <paramref name="httpClient"/>, whose <see cref="HttpClient.BaseAddress"/> is the server.</summary>
    /// <param name="httpClient">The client to send with; its base address points at the server.</param>
    /// <param name="prefix">The route prefix the server mapped the objects under, e.g. <c>/do</c>.</param>
    /// <exception cref="ArgumentException">The client has no base address, or the prefix does not start with '/'.</exception>
    public DoClient(HttpClient httpClient, string prefix = DefaultPrefix)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(prefix);
        if (httpClient.BaseAddress is null)
        {
            throw new ArgumentException("The HttpClient has no BaseAddress; set it to the server's address, e.g. new HttpClient { BaseAddress = new Uri(\"https://api.example\") }.", nameof(httpClient));
        }

        if (!prefix.StartsWith('/'))
        {
            throw new ArgumentException($"\"{prefix}\" is not a route prefix: expected a path starting with '/', e.g. /do.", nameof(prefix));
        }

        HttpClient = httpClient;
        Prefix = prefix.TrimEnd('/');
    }

    /// <summary>The client requests go through.</summary>
    public HttpClient HttpClient { get; }

    /// <summary>The route prefix of the server's object endpoints.</summary>
    public string Prefix { get; }

    /// <summary>
    /// A client for the object <paramref name="ns"/> of class <typeparamref name="TObject"/>. The server creates the
    /// object on its first call if it does not have it (its app must reference the same class).
    /// </summary>
    /// <exception cref="InvalidNamespaceException">The namespace is not an absolute http(s) URL.</exception>
    public ObjectClient<TObject> Object<TObject>(string ns)
        where TObject : DurableObject, new()
        => new(new HttpObjectTransport(this, ObjectNamespace.Parse(ns), DoRegistry.ForType<TObject>().Name));

    /// <summary>A client for an object the server already has, of whatever class its catalog records.</summary>
    /// <exception cref="InvalidNamespaceException">The namespace is not an absolute http(s) URL.</exception>
    public ObjectClient Object(string ns) => new(new HttpObjectTransport(this, ObjectNamespace.Parse(ns), null));
}
