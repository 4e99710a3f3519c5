using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

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

    /// <summary>True when the canonical URL has a path after the host (<c>https://acme.example/tenants/eu</c>).</summary>
    internal bool HasPath => Value.IndexOf('/', Value.IndexOf("://", StringComparison.Ordinal) + 3) >= 0;

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
        var printable = IdentityRules.CheckPrintable(span, "it");
        if (printable is not null)
        {
            return printable;
        }

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
            return $"the scheme {IdentityRules.Quote(scheme)} is not http or https";
        }

        var rest = span[(schemeEnd + 3)..];
        int pathStart = rest.IndexOf('/');
        var authority = pathStart < 0 ? rest : rest[..pathStart];
        var path = pathStart < 0 ? ReadOnlySpan<char>.Empty : rest[(pathStart + 1)..];

        if (authority.Contains('@'))
        {
            return "it has user info ('user@') before the host";
        }

        int q = rest.IndexOfAny('?', '#');
        if (q >= 0)
        {
            return rest[q] == '?' ? "it has a query ('?')" : "it has a fragment ('#')";
        }

        if (authority.IsEmpty)
        {
            return "it has no host";
        }

        if (authority[0] == '[')
        {
            return "the host is an IPv6 address, which is not accepted; use a host name";
        }

        var host = authority;
        string port = "";
        int colon = authority.LastIndexOf(':');
        if (colon >= 0)
        {
            var portSpan = authority[(colon + 1)..];
            host = authority[..colon];
            if (portSpan.IsEmpty)
            {
                return "it has ':' after the host but no port number";
            }

            int portNumber = IdentityRules.IsAllDigits(portSpan) && portSpan.Length <= 5
                ? int.Parse(portSpan, provider: CultureInfo.InvariantCulture)
                : -1;
            if (portNumber is < 1 or > 65535)
            {
                return $"the port {IdentityRules.Quote(portSpan)} is not a number from 1 to 65535";
            }

            // The scheme's own port is dropped, so https://a.b:443 and https://a.b are one namespace.
            if (portNumber != (https ? 443 : 80))
            {
                port = ":" + portNumber.ToString(CultureInfo.InvariantCulture);
            }
        }

        var hostReason = CheckHost(host);
        if (hostReason is not null)
        {
            return hostReason;
        }

        // A single trailing slash is accepted and dropped: https://a.b/ is https://a.b and
        // https://a.b/x/ is https://a.b/x. Two (https://a.b//) leave an empty segment and are rejected below.
        if (path.Length > 1 && path[^1] == '/')
        {
            path = path[..^1];
        }

        var canonical = new StringBuilder(value.Length);
        canonical.Append(https ? "https://" : "http://");
        canonical.Append(host.ToString().ToLowerInvariant());
        canonical.Append(port);

        if (!path.IsEmpty)
        {
            int segments = 0;
            foreach (var range in path.Split('/'))
            {
                var segment = path[range];
                if (segment.IsEmpty)
                {
                    return "the path has an empty segment ('//')";
                }

                var reason = IdentityRules.CheckSegment(segment, IdentityRules.MaxLocalIdLength, "a path segment");
                if (reason is not null)
                {
                    return reason;
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

    private static string? CheckHost(ReadOnlySpan<char> host)
    {
        if (host.IsEmpty)
        {
            return "it has no host";
        }

        if (host.Length > IdentityRules.MaxHostLength)
        {
            return $"the host is {host.Length} characters long, the limit is {IdentityRules.MaxHostLength}";
        }

        foreach (var c in host)
        {
            if (!IdentityRules.IsHostChar(c))
            {
                return c == '%'
                    ? "the host contains '%'; percent-encoded characters are not accepted"
                    : $"the host contains {IdentityRules.DescribeChar(c)}, which is not allowed in a host name";
            }
        }

        foreach (var range in host.Split('.'))
        {
            var label = host[range];
            if (label.IsEmpty)
            {
                return "the host has an empty label (it starts or ends with '.' or contains \"..\")";
            }

            if (label.Length > IdentityRules.MaxHostLabelLength)
            {
                return $"the host has a label of {label.Length} characters, the limit is {IdentityRules.MaxHostLabelLength}";
            }

            if (label[0] == '-' || label[^1] == '-')
            {
                return $"the host label {IdentityRules.Quote(label)} starts or ends with '-'";
            }
        }

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
