using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Do.AspNetCore;

/// <summary>
/// The built-in API-key scheme: a request carrying a configured key (in <see cref="DoApiKeyOptions.HeaderName"/> or as
/// <c>Authorization: ApiKey &lt;key&gt;</c>) is authenticated with one <c>do:ns</c> claim per namespace the key grants.
/// </summary>
internal sealed class DoApiKeyHandler(IOptionsMonitor<DoApiKeyOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<DoApiKeyOptions>(options, logger, encoder)
{
    private const string AuthorizationPrefix = "ApiKey ";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Request.Headers[Options.HeaderName].ToString();
        if (presented.Length == 0 && Request.Headers.Authorization.ToString() is { } authorization
            && authorization.StartsWith(AuthorizationPrefix, StringComparison.OrdinalIgnoreCase))
        {
            presented = authorization[AuthorizationPrefix.Length..].Trim();
        }

        if (presented.Length == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        // Every key is compared in constant time, so the time taken does not tell how close a guess was.
        var presentedBytes = Encoding.UTF8.GetBytes(presented);
        IReadOnlyList<string>? grants = null;
        string? matched = null;
        foreach (var (key, namespaces) in Options.Keys)
        {
            if (CryptographicOperations.FixedTimeEquals(presentedBytes, Encoding.UTF8.GetBytes(key)))
            {
                grants = namespaces;
                matched = key;
            }
        }

        if (grants is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("The API key is not one this app knows."));
        }

        var claims = new List<Claim>(grants.Count + 1) { new(ClaimTypes.Name, "api-key") };
        foreach (var ns in grants)
        {
            claims.Add(new Claim(DoNamespaceAuthorization.ClaimType, ns));
        }

        if (Options.Actors.TryGetValue(matched!, out var actors))
        {
            foreach (var actor in actors)
            {
                claims.Add(new Claim(DoActorAuthorization.ClaimType, actor));
            }
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name)));
    }
}
