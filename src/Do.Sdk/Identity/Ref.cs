using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Do;

/// <summary>
/// A parsed ref: a thing id with an optional selector, in git's spirit.
/// <list type="bullet">
/// <item><c>acme</c> — HEAD on the current branch</item>
/// <item><c>acme@main</c>, <c>acme@experiment</c> — HEAD on a branch</item>
/// <item><c>acme@v1234</c> — the version whose rowid is 1234</item>
/// <item><c>acme@~1</c> — one version before HEAD</item>
/// <item><c>acme@2026-11-23T09:00:00Z</c> — HEAD as of a time (a zone, <c>Z</c> or an offset, is required)</item>
/// </list>
/// The id may be a local id (<c>acme</c>), a full id (<c>https://startups.studio/acme@~1</c>) or, for refs
/// of the object itself, empty (<c>@v1234</c>).
/// </summary>
public sealed class Ref : IEquatable<Ref>
{
    private static readonly string[] TimeFormats =
    [
        "yyyy-MM-dd'T'HH:mm'Z'",
        "yyyy-MM-dd'T'HH:mm:ss'Z'",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
        "yyyy-MM-dd'T'HH:mmzzz",
        "yyyy-MM-dd'T'HH:mm:sszzz",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
    ];

    // Recognised only to explain the error: a time without a zone means different instants on different hosts.
    private static readonly string[] NaiveTimeFormats =
    [
        "yyyy-MM-dd'T'HH:mm",
        "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
    ];

    private Ref(string id, ObjectNamespace? ns, RefKind kind, string? branch = null, long version = 0, int back = 0, DateTimeOffset asOf = default)
    {
        Id = id;
        Namespace = ns;
        Kind = kind;
        Branch = branch;
        Version = version;
        Back = back;
        AsOf = asOf;
    }

    /// <summary>The local id of the thing; empty when the ref names the object itself.</summary>
    public string Id { get; }

    /// <summary>The namespace when the ref was written as a full URL; null for a local ref.</summary>
    public ObjectNamespace? Namespace { get; }

    /// <summary>Which kind of selector the ref has.</summary>
    public RefKind Kind { get; }

    /// <summary>The branch name for <see cref="RefKind.Branch"/>.</summary>
    public string? Branch { get; }

    /// <summary>The version rowid for <see cref="RefKind.Version"/>.</summary>
    public long Version { get; }

    /// <summary>How many versions back for <see cref="RefKind.Ancestor"/>.</summary>
    public int Back { get; }

    /// <summary>The point in time for <see cref="RefKind.AsOf"/>, in UTC.</summary>
    public DateTimeOffset AsOf { get; }

    /// <summary>True for refs that can only be read: a version, an ancestor or a point in time.</summary>
    public bool IsDetached => Kind is RefKind.Version or RefKind.Ancestor or RefKind.AsOf;

    /// <summary>A ref to HEAD of <paramref name="id"/> on the current branch.</summary>
    public static Ref Head(string id)
    {
        var reason = ThingId.CheckLocalId(id);
        return reason is null ? new Ref(id, null, RefKind.Head) : throw new InvalidRefException(id, reason);
    }

    /// <summary>Parses a ref in any accepted form.</summary>
    /// <exception cref="InvalidRefException">The value is not in an accepted form; the message says why.</exception>
    public static Ref Parse(string value)
    {
        var reason = TryParseCore(value, out var result);
        return reason is null ? result! : throw new InvalidRefException(value, reason);
    }

    /// <summary>Parses a ref without throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, [NotNullWhen(true)] out Ref? result)
        => TryParseCore(value, out result) is null;

    /// <summary>Validates a branch name, throwing when it breaks git's rules for a single ref component.</summary>
    /// <exception cref="InvalidBranchNameException">The name is not acceptable.</exception>
    public static string ValidateBranchName(string name)
    {
        var reason = IdentityRules.CheckBranch(name);
        return reason is null ? name : throw new InvalidBranchNameException(name, reason);
    }

    private static string? TryParseCore(string? value, out Ref? result)
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

        if (value.Length > IdentityRules.MaxRefLength)
        {
            return $"it is {value.Length} characters long, the limit is {IdentityRules.MaxRefLength}";
        }

        var printable = IdentityRules.CheckPrintable(value, "it");
        if (printable is not null)
        {
            return printable;
        }

        int at = value.IndexOf('@');
        if (at >= 0 && value.IndexOf('@', at + 1) >= 0)
        {
            return "it has more than one '@'";
        }

        var idPart = at < 0 ? value : value[..at];
        int schemeEnd = idPart.IndexOf("://", StringComparison.Ordinal);

        // https://user@host/acme splits at the user info's '@'; say so instead of blaming a branch name.
        if (at >= 0 && schemeEnd >= 0 && idPart.IndexOf('/', schemeEnd + 3) < 0 && value.IndexOf('/', at) >= 0)
        {
            return "it has user info ('user@') before the host";
        }

        ObjectNamespace? ns = null;
        string localId;
        if (schemeEnd >= 0)
        {
            var idError = ThingId.TryParseCore(idPart, out var full);
            if (idError is not null)
            {
                return idError;
            }

            ns = full!.Namespace;
            localId = full.LocalId;
        }
        else if (idPart.Length == 0)
        {
            localId = "";
        }
        else
        {
            var reason = ThingId.CheckLocalId(idPart, "the id");
            if (reason is not null)
            {
                return reason;
            }

            localId = idPart;
        }

        if (at < 0)
        {
            result = new Ref(localId, ns, RefKind.Head);
            return null;
        }

        var selector = value.AsSpan(at + 1);
        if (selector.IsEmpty)
        {
            return "nothing follows '@'";
        }

        if (selector[0] == '~')
        {
            var digits = selector[1..];
            if (!IdentityRules.IsAllDigits(digits))
            {
                return digits.StartsWith("-") && IdentityRules.IsAllDigits(digits[1..])
                    ? "'@~' takes a count of zero or more versions back, not a negative number"
                    : "'@~' needs a count of versions back, e.g. @~1";
            }

            if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int back))
            {
                return $"the count after '@~' is larger than {int.MaxValue}";
            }

            result = new Ref(localId, ns, RefKind.Ancestor, back: back);
            return null;
        }

        if (IdentityRules.LooksLikeVersion(selector))
        {
            var digits = selector[1..];
            if (digits.IsEmpty)
            {
                return "'@v' needs a version number, e.g. @v1234";
            }

            if (digits[0] is '-' or '+')
            {
                return digits[0] == '-'
                    ? "the version after '@v' is negative; versions start at 1"
                    : "the version after '@v' has a sign; write digits only, e.g. @v1234";
            }

            if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out long version))
            {
                return $"the version after '@v' is larger than {long.MaxValue}";
            }

            if (version == 0)
            {
                return "the version after '@v' is 0; versions start at 1";
            }

            result = new Ref(localId, ns, RefKind.Version, version: version);
            return null;
        }

        if (char.IsAsciiDigit(selector[0]))
        {
            var reason = ParseTime(selector, out var time);
            if (reason is not null)
            {
                return reason;
            }

            result = new Ref(localId, ns, RefKind.AsOf, asOf: time);
            return null;
        }

        var branchReason = IdentityRules.CheckBranch(selector, "the branch name");
        if (branchReason is not null)
        {
            return branchReason;
        }

        result = new Ref(localId, ns, RefKind.Branch, branch: selector.ToString());
        return null;
    }

    private static string? ParseTime(ReadOnlySpan<char> text, out DateTimeOffset time)
    {
        time = default;

        // .NET's F specifiers also accept a bare '.' ("09:00:00.Z"), which ISO-8601 does not.
        int dot = text.IndexOf('.');
        bool fractionOk = dot < 0 || (dot + 1 < text.Length && char.IsAsciiDigit(text[dot + 1]));
        if (fractionOk && DateTimeOffset.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time))
        {
            time = time.ToUniversalTime();
            return null;
        }

        if (fractionOk && DateTime.TryParseExact(text, NaiveTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return "the time after '@' has no zone; add Z for UTC or an offset such as +01:00";
        }

        if (DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return "the time after '@' is a date without a time of day and zone, e.g. write 2026-11-23T00:00:00Z";
        }

        return "the time after '@' is not an ISO-8601 time with a zone (Z or an offset), e.g. 2026-11-23T09:00:00Z";
    }

    /// <summary>
    /// The canonical text of the ref, e.g. <c>acme@v1234</c> or <c>acme@2026-11-23T09:00:00Z</c>;
    /// <see cref="Parse"/> reads it back as an equal ref.
    /// </summary>
    public override string ToString()
    {
        string id;
        if (Namespace is null)
        {
            id = Id;
        }
        else if (Id.Length > 0)
        {
            id = Namespace.Value + "/" + Id;
        }
        else
        {
            // With a path, "https://a.example/tenants/eu" would read back as the thing "eu" in
            // https://a.example/tenants; the trailing slash keeps it the object itself.
            id = Namespace.HasPath ? Namespace.Value + "/" : Namespace.Value;
        }

        return Kind switch
        {
            RefKind.Head => id,
            RefKind.Branch => id + "@" + Branch,
            RefKind.Version => id + "@v" + Version.ToString(CultureInfo.InvariantCulture),
            RefKind.Ancestor => id + "@~" + Back.ToString(CultureInfo.InvariantCulture),
            _ => id + "@" + AsOf.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
        };
    }

    /// <inheritdoc />
    public bool Equals(Ref? other) => other is not null && string.Equals(ToString(), other.ToString(), StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Ref other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());
}
