using System.Text;
using Do.Client;
using Do.Hosting;
using Do.Infrastructure;
using Do.Storage;
using Do.Transport;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Do.AspNetCore;

/// <summary>
/// One request to one object, as the endpoint filter resolved it: the namespace (granted to the caller), and the
/// embedded host's transport to it, typed by the <c>Do-Class</c> header when the client named its class.
/// </summary>
internal sealed class DoRequest
{
    private static readonly object Key = new();

    private DoRequest(ObjectNamespace ns, IObjectTransport transport, string actor)
    {
        Namespace = ns;
        Transport = transport;
        Actor = actor;
    }

    public ObjectNamespace Namespace { get; }

    /// <summary>Who the call is recorded as (already authorized): the principal's own name, or the Do-Actor it may act for.</summary>
    public string Actor { get; }

    public IObjectTransport Transport { get; }

    public static DoRequest Of(HttpContext http) => (DoRequest)http.Items[Key]!;

    /// <summary>Resolves the object for this request; its calls record <paramref name="actor"/> (already authorized).</summary>
    public static DoRequest Attach(HttpContext http, ObjectNamespace ns, string actor)
    {
        var host = http.RequestServices.GetRequiredService<DoHost>();
        ObjectClassInfo? objectClass = null;
        if (http.Request.Headers[DoRoutes.ClassHeader].ToString() is { Length: > 0 } name)
        {
            objectClass = DoRegistry.FindObject(name)
                ?? throw new ArgumentException($"The {DoRoutes.ClassHeader} header names \"{name}\", which is not a durable object class of this app. Its classes: {string.Join(", ", DoRegistry.Objects.Select(o => o.Name).Order(StringComparer.Ordinal))}.");
        }

        var request = new DoRequest(ns, new InProcessTransport(new ObjectTarget(host, ns, objectClass), actor), actor);
        http.Items[Key] = request;
        return request;
    }

    /// <summary>The registered noun named in the route.</summary>
    public static NounInfo Noun(string name)
        => DoRegistry.FindNoun(name)
           ?? throw new ArgumentException($"\"{name}\" is not a noun of this app. Its nouns: {string.Join(", ", DoRegistry.Nouns.Select(n => n.Name).Order(StringComparer.Ordinal))}.", nameof(name));

    /// <summary>The request body as text, or null when it is empty; validated as JSON.</summary>
    public static async Task<string?> BodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var text = await TextAsync(request, cancellationToken).ConfigureAwait(false);
        if (text is not null)
        {
            ThingStore.ValidateJson(text, "body");
        }

        return text;
    }

    /// <summary>The request body as text (any JSON value, checked by its reader), or null when it is empty.</summary>
    public static async Task<string?> TextAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength == 0)
        {
            return null;
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { MaxRequestBodySize: { } max } && request.ContentLength > max)
        {
            throw new BadHttpRequestException($"The request body of {request.ContentLength} bytes is larger than the {max} bytes accepted.", StatusCodes.Status413PayloadTooLarge);
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        return text.Length == 0 ? null : text;
    }
}
