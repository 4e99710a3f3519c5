using Microsoft.AspNetCore.Authentication;

namespace Do.AspNetCore;

/// <summary>The keys of the built-in API-key scheme and the namespaces each one grants.</summary>
public sealed class DoApiKeyOptions : AuthenticationSchemeOptions
{
    /// <summary>The scheme's default name.</summary>
    public const string DefaultScheme = "DoApiKey";

    /// <summary>The request header that carries the key. <c>Authorization: ApiKey &lt;key&gt;</c> is accepted too.</summary>
    public string HeaderName { get; set; } = "X-Api-Key";

    /// <summary>Each key with the <c>do:ns</c> grants (namespaces or patterns such as <c>https://*.example</c>) it carries.</summary>
    public IDictionary<string, IReadOnlyList<string>> Keys { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

    /// <summary>Each key with the <c>do:actor</c> grants (actors or patterns such as <c>user:*</c>) it may act for; see <see cref="DoActorAuthorization"/>.</summary>
    public IDictionary<string, IReadOnlyList<string>> Actors { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

    /// <summary>
    /// Lets the holder of <paramref name="key"/> act for <paramref name="actors"/> (e.g. <c>user:*</c>): its calls may
    /// carry one of them in the <c>Do-Actor</c> header (<c>client.As("user:alice")</c>), and the log records it.
    /// </summary>
    /// <exception cref="ArgumentException">The key is empty, or no actor is given.</exception>
    public DoApiKeyOptions ActFor(string key, params string[] actors)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(actors);
        if (actors.Length == 0)
        {
            throw new ArgumentException("ActFor needs at least one actor or pattern, e.g. user:alice or user:*.", nameof(actors));
        }

        Actors[key] = actors;
        return this;
    }

    /// <summary>Adds a key granting <paramref name="namespaces"/>; returns these options for chaining.</summary>
    /// <exception cref="ArgumentException">The key is empty, or no namespace is given.</exception>
    public DoApiKeyOptions Add(string key, params string[] namespaces)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(namespaces);
        if (namespaces.Length == 0)
        {
            throw new ArgumentException("An API key must grant at least one namespace or pattern, e.g. https://startups.studio or https://*.example.", nameof(namespaces));
        }

        Keys[key] = namespaces;
        return this;
    }
}
