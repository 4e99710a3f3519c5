using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Do.Sdk.Generators.Naming;

/// <summary>Names derived from C# identifiers: JSON names, C# escapes, camelCase locals.</summary>
internal static class Identifiers
{
    /// <summary>
    /// The camelCase JSON name of a property, like System.Text.Json's camel-case policy: the leading run of
    /// capitals is lowered, except the last one when a lowercase letter follows (<c>URLValue</c> → <c>urlValue</c>).
    /// </summary>
    public static string ToCamelCase(string name)
    {
        if (string.IsNullOrEmpty(name) || !char.IsUpper(name[0]))
        {
            return name;
        }

        var chars = name.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            if (i == 1 && !char.IsUpper(chars[i]))
            {
                break;
            }

            bool hasNext = i + 1 < chars.Length;
            if (i > 0 && hasNext && !char.IsUpper(chars[i + 1]))
            {
                if (char.IsSeparator(chars[i + 1]))
                {
                    chars[i] = char.ToLowerInvariant(chars[i]);
                }

                break;
            }

            chars[i] = char.ToLowerInvariant(chars[i]);
        }

        return new string(chars);
    }

    /// <summary>The first letter upper-cased: <c>prioritized</c> → <c>Prioritized</c>.</summary>
    public static string ToPascalCase(string name)
        => string.IsNullOrEmpty(name) || char.IsUpper(name[0]) ? name : char.ToUpperInvariant(name[0]) + name.Substring(1);

    /// <summary>The first letter lower-cased: <c>Prioritized</c> → <c>prioritized</c>.</summary>
    public static string LowerFirst(string name)
        => string.IsNullOrEmpty(name) || char.IsLower(name[0]) ? name : char.ToLowerInvariant(name[0]) + name.Substring(1);

    /// <summary>The identifier as C# source, with <c>@</c> when it is a keyword.</summary>
    public static string Escape(string name)
        => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) is SyntaxKind.FieldKeyword
            ? "@" + name
            : name;

    /// <summary>A C# string literal.</summary>
    /// <remarks>
    /// Names, event names and SQL are printable ASCII without quotes or backslashes nearly always, and for those the
    /// literal is the text in quotes; Roslyn's formatter (1.5% of a cold run at 100 nouns, issue 12) is kept for the rest.
    /// </remarks>
    public static string Literal(string value)
    {
        foreach (char c in value)
        {
            if (c < ' ' || c > '~' || c == '"' || c == '\\')
            {
                return SymbolDisplay.FormatLiteral(value, quote: true);
            }
        }

        return "\"" + value + "\"";
    }

    /// <summary>Letters and digits only, for helper names built from type names.</summary>
    public static string Sanitize(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (char c in name)
        {
            if (char.IsLetterOrDigit(c) || c == '_')
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
