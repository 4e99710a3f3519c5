using System.Diagnostics.CodeAnalysis;

namespace Do;

/// <summary>
/// The identity of a thing: its object's namespace plus a local id. Its <see cref="Value"/> (the <c>$id</c>)
/// is <c>ns/localId</c>; when the local id is empty the thing is the object itself and <c>$id == ns</c>.
/// </summary>
public sealed class ThingId : IEquatable<ThingId>
{
    private ThingId(ObjectNamespace ns, string localId)
    {
        Namespace = ns;
        LocalId = localId;
        Value = localId.Length == 0 ? ns.Value : ns.Value + "/" + localId;
    }

    /// <summary>The namespace of the object that holds the thing.</summary>
    public ObjectNamespace Namespace { get; }

    /// <summary>The id inside the object, e.g. <c>acme</c>; empty for the object itself.</summary>
    public string LocalId { get; }

    /// <summary>The full id, <c>ns/localId</c> (the <c>$id</c>).</summary>
    public string Value { get; }

    /// <summary>True when this id names the object itself (<c>$id == ns</c>).</summary>
    public bool IsObject => LocalId.Length == 0;

    /// <summary>Creates the id of <paramref name="localId"/> inside <paramref name="ns"/>.</summary>
    /// <exception cref="InvalidThingIdException">The local id is not in the accepted form.</exception>
    public static ThingId Create(ObjectNamespace ns, string localId)
    {
        ArgumentNullException.ThrowIfNull(ns);
        var reason = CheckLocalId(localId);
        return reason is null ? new ThingId(ns, localId) : throw new InvalidThingIdException(localId, reason);
    }

    /// <summary>The id of the object itself (<c>$id == ns</c>).</summary>
    public static ThingId ForObject(ObjectNamespace ns)
    {
        ArgumentNullException.ThrowIfNull(ns);
        return new ThingId(ns, "");
    }

    /// <summary>
    /// Parses a full id such as <c>https://startups.studio/acme</c>: the last path segment is the local id,
    /// everything before it the namespace. A URL without a path is the object itself.
    /// </summary>
    /// <exception cref="InvalidThingIdException">The value is not a full id in the accepted form.</exception>
    public static ThingId Parse(string value)
    {
        var reason = TryParseCore(value, out var id);
        return reason is null ? id! : throw new InvalidThingIdException(value, reason, InvalidThingIdException.FullForm);
    }

    /// <summary>Parses a full id without throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, [NotNullWhen(true)] out ThingId? result)
        => TryParseCore(value, out result) is null;

    /// <summary>Returns a reason when <paramref name="localId"/> is not a valid local id, else null.</summary>
    internal static string? CheckLocalId(string? localId, string subject = "it")
        => localId is null ? $"{subject} is null" : IdentityRules.CheckSegment(localId, IdentityRules.MaxLocalIdLength, subject);

    internal static string? TryParseCore(string? value, out ThingId? result)
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

        int schemeEnd = value.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            return CheckLocalId(value) is null
                ? "it is a local id without its namespace; use ns.Thing(localId) or ThingId.Create(ns, localId)"
                : "it has no http:// or https:// scheme";
        }

        int lastSlash = value.LastIndexOf('/');
        if (lastSlash <= schemeEnd + 2)
        {
            var nsError = ObjectNamespace.TryParseCore(value, out var objectNs);
            if (nsError is not null)
            {
                return "its namespace is invalid: " + nsError;
            }

            result = ForObject(objectNs!);
            return null;
        }

        // The namespace part would drop its own trailing slash, so catch "ns//localId" here.
        if (value[lastSlash - 1] == '/' && lastSlash - 1 > schemeEnd + 2)
        {
            return "it has an empty path segment ('//')";
        }

        var localId = value[(lastSlash + 1)..];
        var error = ObjectNamespace.TryParseCore(value[..lastSlash], out var ns);
        if (error is not null)
        {
            return "its namespace is invalid: " + error;
        }

        // "ns/" names the object itself; it is also how an object whose namespace has a path is written
        // unambiguously, since "https://a.example/tenants/eu" reads as the thing "eu" in https://a.example/tenants.
        if (localId.Length == 0)
        {
            result = ForObject(ns!);
            return null;
        }

        error = CheckLocalId(localId, "the local id");
        if (error is not null)
        {
            return error;
        }

        result = new ThingId(ns!, localId);
        return null;
    }

    /// <inheritdoc />
    public bool Equals(ThingId? other) => other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ThingId other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>The full id.</summary>
    public override string ToString() => Value;
}
