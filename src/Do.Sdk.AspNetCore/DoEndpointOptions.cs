namespace Do.AspNetCore;

/// <summary>How <c>MapDurableObjects</c> exposes objects.</summary>
public sealed class DoEndpointOptions
{
    /// <summary>
    /// Lets unauthenticated callers reach every object. Off by default: a caller needs a <c>do:ns</c> claim granting
    /// the object's namespace (see <see cref="DoNamespaceAuthorization"/>), and gets 401 without one at all.
    /// </summary>
    public bool AllowAnonymous { get; set; }

    /// <summary>The largest request body accepted, in bytes (a thing, or a verb's arguments); larger gets 413. Default 1 MiB.</summary>
    public long MaxRequestBodySize { get; set; } = 1024 * 1024;

    /// <summary>A rate limiter policy (registered with <c>AddRateLimiter</c>) applied to every object endpoint, or null for none.</summary>
    public string? RateLimiterPolicy { get; set; }
}
