using System.Security.Claims;

namespace Do.AspNetCore;

/// <summary>
/// Who an HTTP call is recorded as (the actor of the actions it causes). Without a <c>Do-Actor</c> header it is the
/// authenticated principal's name (<see cref="ClaimsIdentity.Name"/>), or <see cref="Anonymous"/> on endpoints mapped
/// with <see cref="DoEndpointOptions.AllowAnonymous"/>. A client acting for someone else (<c>client.As("user:alice")</c>)
/// sends that actor in the header, and it is recorded only when the principal holds a <see cref="ClaimType"/> claim
/// equal to it or a pattern matching it (the same <c>*</c>/<c>**</c> patterns as <see cref="DoNamespaceAuthorization"/>);
/// otherwise the call is refused with 403 and nothing runs. So a service may act for its users only where the app's
/// authentication said it may, and nobody can put a name they were not given into the log.
/// </summary>
public static class DoActorAuthorization
{
    /// <summary>The claim type that lets a principal act for an actor (or every actor a pattern matches).</summary>
    public const string ClaimType = "do:actor";

    /// <summary>The actor recorded for an unauthenticated caller (only possible with <see cref="DoEndpointOptions.AllowAnonymous"/>).</summary>
    public const string Anonymous = "anonymous";

    /// <summary>True when <paramref name="principal"/> holds a <see cref="ClaimType"/> claim granting <paramref name="actor"/>.</summary>
    public static bool IsGranted(ClaimsPrincipal principal, string actor)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(actor);
        foreach (var claim in principal.FindAll(ClaimType))
        {
            if (DoNamespaceAuthorization.Matches(claim.Value, actor))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The actor the principal acts as when it claims none: its name, else <see cref="Anonymous"/>.</summary>
    public static string Own(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : Anonymous;
    }
}
