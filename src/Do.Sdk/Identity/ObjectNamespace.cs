using System.Diagnostics.CodeAnalysis;

namespace Do;

/// <summary>
/// The identity of a durable object: an absolute http(s) URL such as <c>https://startups.studio</c>.
/// Parsing canonicalises it (lower-case scheme and host, default port and trailing slash removed), so two
/// spellings of one namespace compare equal. A namespace never becomes a file path: storage names files
/// from a hash of <see cref="Value"/>.
/// </summary>
public sealed class ObjectNamespace : IEquatable<ObjectNamespace>
{
    private ObjectNamespace(string value) => Value = value;

    /// <summary>The canonical URL, e.g. <c>https://startups.studio</c>.</summary>
    public string Value { get; }

    /// <summary>Parses and canonicalises a namespace URL.</summary>
    /// <exception cref="InvalidNamespaceException">The value is not an absolute http(s) URL in the accepted form.</exception>
    public static ObjectNamespace Parse(string value)
    {
        var error = TryParseCore(value, out var result);
        return error is null ? result! : throw new InvalidNamespaceException(value, error);
    }

    /// <summary>Parses a namespace without throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, [NotNullWhen(true)] out ObjectNamespace? result)
        => TryParseCore(value, out result) is null;

    /// <summary>Returns the full id (<c>ns/localId</c>) of a thing in this namespace.</summary>
    /// <exception cref="InvalidThingIdException">The local id is not in the accepted form.</exception>
    public ThingId Thing(string localId) => ThingId.Create(this, localId);

    internal static string? TryParseCore(string? value, out ObjectNamespace? result)
    {
        result = null;
        if (value is null)
        {
            return "it is null";
        }

        if (value.Length == 0)
        {
            return "it is empty";
        }

        if (value.Length > IdentityRules.MaxNamespaceLength)
        {
            return $"it is {value.Length} characters long, the limit is {IdentityRules.MaxNamespaceLength}";
        }

        var span = value.AsSpan();
        int schemeEnd = span.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            return "it has no http:// or https:// scheme";
        }

        var scheme = span[..schemeEnd];
        bool https;
        if (scheme.Equals("https", StringComparison.OrdinalIgnoreCase))
        {
            https = true;
        }
        else if (scheme.Equals("http", StringComparison.OrdinalIgnoreCase))
        {
            https = false;
        }
        else
        {
            return $"the scheme \"{scheme}\" is not http or https";
        }

        var rest = span[(schemeEnd + 3)..];
        int pathStart = rest.IndexOf('/');
        var authority = pathStart < 0 ? rest : rest[..pathStart];
        var path = pathStart < 0 ? ReadOnlySpan<char>.Empty : rest[(pathStart + 1)..];

        if (authority.IsEmpty)
        {
            return "it has no host";
        }

        foreach (var c in authority)
        {
            if (char.IsControl(c))
            {
                return $"it contains the control character U+{(int)c:X4}";
            }
        }

        if (authority.Contains('@'))
        {
            return "it has user info or a ref ('@') in the host part";
        }

        int q = rest.IndexOfAny('?', '#');
        if (q >= 0)
        {
            return rest[q] == '?' ? "it has a query ('?')" : "it has a fragment ('#')";
        }

        var host = authority;
        string port = "";
        int colon = authority.LastIndexOf(':');
        if (colon >= 0)
        {
            var portSpan = authority[(colon + 1)..];
            host = authority[..colon];
            if (!IdentityRules.IsAllDigits(portSpan) || portSpan.Length > 5 || int.Parse(portSpan, provider: System.Globalization.CultureInfo.InvariantCulture) is 0 or > 65535)
            {
                return $"the port \"{portSpan}\" is not a number from 1 to 65535";
            }

            int portNumber = int.Parse(portSpan, provider: System.Globalization.CultureInfo.InvariantCulture);
            if (!(https && portNumber == 443) && !(!https && portNumber == 80))
            {
                port = ":" + portNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        if (host.IsEmpty)
        {
            return "it has no host";
        }

        foreach (var c in host)
        {
            if (!IdentityRules.IsHostChar(c))
            {
                return c is ' ' or '\t' ? "the host contains white space" : $"the host contains '{c}'";
            }
        }

        if (host[0] is '.' or '-' || host[^1] is '.' or '-' || host.Contains("..", StringComparison.Ordinal))
        {
            return "the host has an empty label or starts or ends with '.' or '-'";
        }

        // A single trailing slash is accepted and dropped: https://a.b/ is https://a.b.
        if (!path.IsEmpty && path[^1] == '/')
        {
            path = path[..^1];
        }

        var canonical = new System.Text.StringBuilder(value.Length);
        canonical.Append(https ? "https://" : "http://");
        canonical.Append(host.ToString().ToLowerInvariant());
        canonical.Append(port);

        if (!path.IsEmpty)
        {
            int segments = 0;
            foreach (var range in path.Split('/'))
            {
                var segment = path[range];
                var reason = IdentityRules.CheckSegment(segment, IdentityRules.MaxLocalIdLength);
                if (reason is not null)
                {
                    return "the path " + reason;
                }

                if (++segments > IdentityRules.MaxPathSegments)
                {
                    return $"the path has more than {IdentityRules.MaxPathSegments} segments";
                }

                canonical.Append('/').Append(segment);
            }
        }

        result = new ObjectNamespace(canonical.ToString());
        return null;
    }

    /// <inheritdoc />
    public bool Equals(ObjectNamespace? other) => other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ObjectNamespace other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>The canonical URL.</summary>
    public override string ToString() => Value;

    /// <summary>Compares two namespaces by their canonical URL.</summary>
    public static bool operator ==(ObjectNamespace? left, ObjectNamespace? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares two namespaces by their canonical URL.</summary>
    public static bool operator !=(ObjectNamespace? left, ObjectNamespace? right) => !(left == right);
}
