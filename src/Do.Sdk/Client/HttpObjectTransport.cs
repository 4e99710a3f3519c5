using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Do.Storage;
using Do.Transport;

namespace Do.Client;

/// <summary>
/// The transport of <see cref="DoClient"/>: every call of the typed DSL becomes one HTTP request to an app that mapped
/// <c>MapDurableObjects</c>, carrying only names and JSON (a verb by name with its arguments as a JSON object, a ref in
/// its text form). Server errors come back as problem details and are rethrown as the server's exception types.
/// </summary>
public sealed partial class HttpObjectTransport : IObjectTransport, IEventStream
{
    private static readonly MediaTypeHeaderValue JsonMedia = new("application/json") { CharSet = "utf-8" };

    private readonly DoClient _client;
    private readonly string? _objectClass;
    private readonly string? _actor;

    internal HttpObjectTransport(DoClient client, ObjectNamespace ns, string? objectClass, string? actor = null)
    {
        _client = client;
        Namespace = ns;
        _objectClass = objectClass;
        _actor = actor;
    }

    /// <inheritdoc />
    public ObjectNamespace Namespace { get; }

    private string Ns => Namespace.Value;

    /// <inheritdoc />
    public IObjectTransport For(ObjectNamespace other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return other == Namespace ? this : new HttpObjectTransport(_client, other, null, _actor);
    }

    /// <inheritdoc />
    public async Task<string?> InvokeAsync(VerbCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        string path;
        if (call.Noun is { } noun)
        {
            var id = call.Id ?? throw new ArgumentException($"{noun.Name}.{call.Verb.Name} needs the id of the thing it runs on.", nameof(call));
            path = Path(DoRoutes.ThingVerb, noun.Name, id, call.Verb.Name);
        }
        else
        {
            path = Path(DoRoutes.ObjectVerb, call.Verb.Name);
        }

        path += "?durability=" + DurabilityText(call.Durability) + (call.Queued ? "&queued=true" : "");
        var body = await SendAsync(HttpMethod.Post, path, call.InputJson, cancellationToken).ConfigureAwait(false);
        return body.Length == 0 ? null : Encoding.UTF8.GetString(body);
    }

    /// <inheritdoc />
    public async Task<string?> FindAsync(NounInfo noun, Ref reference, CancellationToken cancellationToken)
    {
        try
        {
            return await GetAsync(noun, reference, cancellationToken).ConfigureAwait(false);
        }
        catch (ThingNotFoundException)
        {
            // Find is Get that answers null where Get says "not found"; every other error still surfaces.
            return null;
        }
    }

    /// <inheritdoc />
    public async Task<string> GetAsync(NounInfo noun, Ref reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(noun);
        ArgumentNullException.ThrowIfNull(reference);
        var body = await SendAsync(HttpMethod.Get, Path(DoRoutes.Thing, noun.Name, LocalText(reference)), null, cancellationToken).ConfigureAwait(false);
        return Encoding.UTF8.GetString(body);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> ListAsync(NounInfo noun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(noun);
        var body = await SendAsync(HttpMethod.Get, Path(DoRoutes.Things, noun.Name), null, cancellationToken).ConfigureAwait(false);
        using var document = JsonDocument.Parse(body);
        var result = new List<string>(document.RootElement.GetArrayLength());
        foreach (var element in document.RootElement.EnumerateArray())
        {
            result.Add(element.GetRawText());
        }

        return result;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ThingVersionData>> HistoryAsync(NounInfo noun, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(noun);
        return GetJsonAsync(Path(DoRoutes.History, noun.Name, id), DoWireJson.Default.IReadOnlyListThingVersionData, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<FieldChange>> DiffAsync(NounInfo noun, string refA, string refB, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(noun);
        ArgumentNullException.ThrowIfNull(refA);
        ArgumentNullException.ThrowIfNull(refB);
        var path = Path(DoRoutes.Diff, noun.Name) + "?a=" + Uri.EscapeDataString(refA) + "&b=" + Uri.EscapeDataString(refB);
        return GetJsonAsync(path, DoWireJson.Default.IReadOnlyListFieldChange, cancellationToken);
    }

    /// <inheritdoc />
    public async Task WriteAsync(NounInfo noun, string id, ThingWrite write, string? json, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(noun);
        ThingStore.ValidateId(id);
        var method = write switch
        {
            ThingWrite.Create => HttpMethod.Post,
            ThingWrite.Update => HttpMethod.Put,
            ThingWrite.Delete => HttpMethod.Delete,
            _ => throw new ArgumentOutOfRangeException(nameof(write), write, "Expected Create, Update or Delete."),
        };
        if (write != ThingWrite.Delete)
        {
            ArgumentNullException.ThrowIfNull(json);
        }

        await SendAsync(method, Path(DoRoutes.Thing, noun.Name, id), json, cancellationToken).ConfigureAwait(false);
    }

    private string Path(string template, params ReadOnlySpan<string> values)
    {
        Span<string> all = new string[values.Length + 1];
        all[0] = Ns;
        values.CopyTo(all[1..]);
        return DoRoutes.Path(_client.Prefix, template, all);
    }

    // A ref's object part is this transport's namespace already (ThingRef retargets cross-object refs), so only the
    // local form travels in the path.
    private static string LocalText(Ref reference)
    {
        var text = reference.ToString();
        return reference.Namespace is { } ns && text.StartsWith(ns.Value + "/", StringComparison.Ordinal) ? text[(ns.Value.Length + 1)..] : text;
    }

    private static string DurabilityText(Durability durability) => durability switch
    {
        Durability.Send => "send",
        Durability.Try => "try",
        _ => "do",
    };

    private async Task<T> GetJsonAsync<T>(string path, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, CancellationToken cancellationToken)
        => JsonSerializer.Deserialize(await SendAsync(HttpMethod.Get, path, null, cancellationToken).ConfigureAwait(false), type)!;

    private async Task<T> PostJsonAsync<T>(string path, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, CancellationToken cancellationToken, string? body = null)
        => JsonSerializer.Deserialize(await SendAsync(HttpMethod.Post, path, body, cancellationToken).ConfigureAwait(false), type)!;

    /// <summary>Sends one request; answers the body of a success, throws the server's exception otherwise.</summary>
    private async Task<byte[]> SendAsync(HttpMethod method, string path, string? json, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (json is not null)
        {
            request.Content = new StringContent(json, JsonMedia);
        }

        Decorate(request);
        using var response = await _client.HttpClient.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return body;
        }

        throw RemoteErrors.Rebuild(RemoteProblem.Parse((int)response.StatusCode, response.ReasonPhrase, body));
    }

    private void Decorate(HttpRequestMessage request)
    {
        if (_objectClass is not null)
        {
            request.Headers.TryAddWithoutValidation(DoRoutes.ClassHeader, _objectClass);
        }

        if (_actor is not null)
        {
            // Escaped so that any actor text (a URL, a non-ASCII name) fits a header value.
            request.Headers.TryAddWithoutValidation(DoRoutes.ActorHeader, Uri.EscapeDataString(_actor));
        }
    }
}
