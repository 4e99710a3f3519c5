using System.Security.Claims;

namespace Do.AspNetCore;

/// <summary>
/// Who may reach which object: a principal reaches the object <c>ns</c> only with a <see cref="ClaimType"/> claim equal
/// to <c>ns</c> or a pattern matching it. In a pattern <c>*</c> stands for any run of characters without <c>/</c>
/// (<c>https://*.example</c> grants <c>https://acme.example</c> but not <c>https://acme.example/eu</c>) and <c>**</c>
/// for any run at all (<c>https://acme.example/**</c> grants every namespace under that path). Any authentication
/// scheme works (API keys, JWT, cookies) as long as it issues these claims.
/// </summary>
public static class DoNamespaceAuthorization
{
    /// <summary>The claim type that grants a namespace.</summary>
    public const string ClaimType = "do:ns";

    /// <summary>True when <paramref name="principal"/> holds a <see cref="ClaimType"/> claim granting <paramref name="ns"/>.</summary>
    public static bool IsGranted(ClaimsPrincipal principal, ObjectNamespace ns)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(ns);
        foreach (var claim in principal.FindAll(ClaimType))
        {
            if (Matches(claim.Value, ns.Value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the grant <paramref name="pattern"/> covers namespace <paramref name="ns"/> (compared as written, ordinally).</summary>
    public static bool Matches(string pattern, string ns)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(ns);
        return pattern.Contains('*', StringComparison.Ordinal)
            ? Match(pattern.AsSpan(), ns.AsSpan())
            : string.Equals(pattern.TrimEnd('/'), ns, StringComparison.Ordinal);
    }

    // Glob matching with backtracking over at most a few stars; patterns are short and written by the app.
    private static bool Match(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text)
    {
        if (pattern.IsEmpty)
        {
            return text.IsEmpty;
        }

        if (pattern[0] != '*')
        {
            return !text.IsEmpty && pattern[0] == text[0] && Match(pattern[1..], text[1..]);
        }

        var crossesSlash = pattern.Length > 1 && pattern[1] == '*';
        var rest = pattern[(crossesSlash ? 2 : 1)..];
        for (var taken = 1; taken <= text.Length; taken++)
        {
            if (!crossesSlash && text[taken - 1] == '/')
            {
                return false;
            }

            if (Match(rest, text[taken..]))
            {
                return true;
            }
        }

        return false;
    }
}
