using Do.AspNetCore;
using Microsoft.AspNetCore.Authentication;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the built-in API-key authentication scheme.</summary>
public static class DoApiKeyExtensions
{
    /// <summary>
    /// Adds the API-key scheme (<see cref="DoApiKeyOptions.DefaultScheme"/>): each configured key authenticates a
    /// caller with <c>do:ns</c> claims for the namespaces it grants, e.g.
    /// <c>services.AddAuthentication().AddDoApiKeys(keys => keys.Add(secret, "https://*.example"))</c>.
    /// </summary>
    public static AuthenticationBuilder AddDoApiKeys(this AuthenticationBuilder builder, Action<DoApiKeyOptions> configure)
        => builder.AddDoApiKeys(DoApiKeyOptions.DefaultScheme, configure);

    /// <summary>Adds the API-key scheme under <paramref name="scheme"/>.</summary>
    public static AuthenticationBuilder AddDoApiKeys(this AuthenticationBuilder builder, string scheme, Action<DoApiKeyOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(scheme);
        ArgumentNullException.ThrowIfNull(configure);
        return builder.AddScheme<DoApiKeyOptions, DoApiKeyHandler>(scheme, configure);
    }
}
