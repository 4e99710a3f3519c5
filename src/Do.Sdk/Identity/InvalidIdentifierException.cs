using System.Globalization;
using System.Text;

namespace Do;

/// <summary>
/// Base type of the errors raised when a namespace, thing id or ref is not in an accepted form.
/// The message names the offending value (with control characters escaped and long values shortened)
/// and the form that would have been accepted.
/// </summary>
public abstract class InvalidIdentifierException : ArgumentException
{
    private protected InvalidIdentifierException(string kind, string? value, string reason, string expectedForm)
        : base(Format(kind, value, reason, expectedForm))
    {
        Value = value;
        Reason = reason;
        ExpectedForm = expectedForm;
    }

    /// <summary>The rejected value, exactly as it was given.</summary>
    public string? Value { get; }

    /// <summary>What is wrong with <see cref="Value"/>.</summary>
    public string Reason { get; }

    /// <summary>A description of the accepted form, with an example.</summary>
    public string ExpectedForm { get; }

    private static string Format(string kind, string? value, string reason, string expectedForm)
        => $"{Display(value)} is not a valid {kind}: {reason}. Expected {expectedForm}.";

    /// <summary>
    /// Quotes a value for an error message: characters that do not print (control, format, separators other
    /// than a plain space, lone surrogates) escaped as <c>\uXXXX</c>, long values shortened.
    /// </summary>
    internal static string Display(string? value, int maxShown = 80)
    {
        if (value is null)
        {
            return "null";
        }

        var builder = new StringBuilder(Math.Min(value.Length, maxShown) + 24);
        builder.Append('"');
        foreach (var c in value.Length > maxShown ? value.AsSpan(0, maxShown) : value.AsSpan())
        {
            if (IsHidden(c))
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        builder.Append('"');
        if (value.Length > maxShown)
        {
            builder.Append("… (").Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(" characters)");
        }

        return builder.ToString();
    }

    private static bool IsHidden(char c) => c != ' ' && CharUnicodeInfo.GetUnicodeCategory(c) is
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
        or UnicodeCategory.OtherNotAssigned or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator
        or UnicodeCategory.ParagraphSeparator;
}

/// <summary>An object namespace is not an absolute http(s) URL in the accepted form.</summary>
public sealed class InvalidNamespaceException : InvalidIdentifierException
{
    internal const string Form = "an absolute http or https URL without query, fragment or user info, e.g. https://startups.studio or https://acme.example/tenants/eu";

    internal InvalidNamespaceException(string? value, string reason)
        : base("object namespace", value, reason, Form)
    {
    }
}

/// <summary>A thing id is not a single safe path segment (or a full <c>ns/localId</c> URL).</summary>
public sealed class InvalidThingIdException : InvalidIdentifierException
{
    /// <summary>The form of a local id, as given to <see cref="ThingId.Create"/>.</summary>
    internal const string Form = "a local id of 1 to 256 characters from A-Z a-z 0-9 . _ ~ - : + (not \".\" or \"..\"), e.g. acme; the object itself is ThingId.ForObject(ns)";

    /// <summary>The form of a full id, as given to <see cref="ThingId.Parse"/>.</summary>
    internal const string FullForm = "a full id <namespace URL>/<local id>, e.g. https://startups.studio/acme, or the namespace URL alone for the object itself, e.g. https://startups.studio";

    internal InvalidThingIdException(string? value, string reason, string expectedForm = Form)
        : base("thing id", value, reason, expectedForm)
    {
    }
}

/// <summary>A ref (<c>id@selector</c>) is not in one of the accepted forms.</summary>
public sealed class InvalidRefException : InvalidIdentifierException
{
    internal const string Form = "<id>, <id>@<branch>, <id>@v<version>, <id>@~<n> or <id>@<ISO-8601 time with Z or offset>, where <id> is a local id, a full URL or nothing for the object itself, e.g. acme, acme@main, acme@v1234, acme@~1, acme@2026-11-23T09:00:00Z, https://startups.studio/acme@v3 or @v3";

    internal InvalidRefException(string? value, string reason)
        : base("ref", value, reason, Form)
    {
    }
}

/// <summary>A branch name does not follow the rules for a single git ref component.</summary>
public sealed class InvalidBranchNameException : InvalidIdentifierException
{
    internal const string Form = "1 to 100 characters from A-Z a-z 0-9 . _ -, not starting with '.', '-' or a digit, without \"..\", not ending in '.' or \".lock\", and not HEAD or v<number>, e.g. experiment or pricing-v2";

    internal InvalidBranchNameException(string? value, string reason)
        : base("branch name", value, reason, Form)
    {
    }
}
