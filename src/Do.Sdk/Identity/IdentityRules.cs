using System.Globalization;

namespace Do;

/// <summary>Character and length rules shared by namespaces, thing ids, refs and branch names.</summary>
/// <remarks>
/// The Check methods return a reason (a sentence fragment such as "it contains white space") or null.
/// <c>subject</c> names what the reason is about ("it", "the id", "a path segment"), so a reason reads well
/// in every message that embeds it.
/// </remarks>
internal static class IdentityRules
{
    public const int MaxNamespaceLength = 1024;
    public const int MaxLocalIdLength = 256;
    public const int MaxRefLength = MaxNamespaceLength + MaxLocalIdLength + 64;
    public const int MaxBranchLength = 100;
    public const int MaxPathSegments = 16;
    public const int MaxHostLength = 253;
    public const int MaxHostLabelLength = 63;

    /// <summary>Characters allowed in a local id and in a namespace path segment.</summary>
    public static bool IsIdChar(char c)
        => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.' or '_' or '~' or '-' or ':' or '+';

    public static bool IsBranchChar(char c)
        => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.' or '_' or '-';

    public static bool IsHostChar(char c)
        => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.' or '-';

    /// <summary>
    /// Names a character for a message: <c>'x'</c> when it prints unambiguously, its code point otherwise,
    /// so an invisible or direction-changing character never reaches a log as itself.
    /// </summary>
    public static string DescribeChar(char c)
    {
        var codePoint = "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
        if (c is >= '!' and <= '~')
        {
            return $"'{c}'";
        }

        // Non-ASCII letters are shown with their code point too: a Cyrillic 'а' must not read as a Latin 'a'.
        return char.IsLetterOrDigit(c) ? $"'{c}' ({codePoint})" : codePoint;
    }

    /// <summary>Quotes a fragment of the input inside a reason, escaped and shortened like the value itself.</summary>
    public static string Quote(ReadOnlySpan<char> fragment) => InvalidIdentifierException.Display(fragment.ToString(), maxShown: 40);

    /// <summary>Returns a reason when <paramref name="text"/> contains white space or a control character, else null.</summary>
    public static string? CheckPrintable(ReadOnlySpan<char> text, string subject)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                return $"{subject} contains the control character {DescribeChar(c)}";
            }

            if (char.IsWhiteSpace(c))
            {
                return c == ' ' ? $"{subject} contains white space" : $"{subject} contains white space ({DescribeChar(c)})";
            }
        }

        return null;
    }

    /// <summary>Returns a reason when <paramref name="segment"/> is not a safe id segment, else null.</summary>
    public static string? CheckSegment(ReadOnlySpan<char> segment, int maxLength, string subject = "it")
    {
        if (segment.IsEmpty)
        {
            return $"{subject} is empty";
        }

        if (segment.Length > maxLength)
        {
            return $"{subject} is {segment.Length} characters long, the limit is {maxLength}";
        }

        if (segment is "." or "..")
        {
            return $"{subject} is \"{segment}\", a relative path step";
        }

        var printable = CheckPrintable(segment, subject);
        if (printable is not null)
        {
            return printable;
        }

        foreach (var c in segment)
        {
            if (!IsIdChar(c))
            {
                return c switch
                {
                    '?' => $"{subject} has a query ('?')",
                    '#' => $"{subject} has a fragment ('#')",
                    '@' => $"{subject} contains '@', which starts a ref selector",
                    '%' => $"{subject} contains '%'; percent-encoded characters are not accepted",
                    '/' => $"{subject} contains '/', but a local id is a single segment",
                    _ => $"{subject} contains {DescribeChar(c)}, which is not allowed",
                };
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="selector"/> reads as a version (<c>v</c>, <c>v12</c>, <c>v-1</c>, <c>v+1</c>).</summary>
    public static bool LooksLikeVersion(ReadOnlySpan<char> selector)
    {
        if (selector.IsEmpty || selector[0] != 'v')
        {
            return false;
        }

        var rest = selector[1..];
        if (!rest.IsEmpty && rest[0] is '-' or '+')
        {
            rest = rest[1..];
        }

        return rest.IsEmpty || IsAllDigits(rest);
    }

    /// <summary>Returns a reason when <paramref name="name"/> is not a valid git-style branch component, else null.</summary>
    public static string? CheckBranch(ReadOnlySpan<char> name, string subject = "it")
    {
        if (name.IsEmpty)
        {
            return $"{subject} is empty";
        }

        if (name.Length > MaxBranchLength)
        {
            return $"{subject} is {name.Length} characters long, the limit is {MaxBranchLength}";
        }

        var printable = CheckPrintable(name, subject);
        if (printable is not null)
        {
            return printable;
        }

        foreach (var c in name)
        {
            if (!IsBranchChar(c))
            {
                return c == '/'
                    ? $"{subject} contains '/', but a branch name is a single component"
                    : $"{subject} contains {DescribeChar(c)}, which is not allowed in a branch name";
            }
        }

        if (name[0] is '.' or '-')
        {
            return $"{subject} starts with '{name[0]}'";
        }

        if (name.Contains("..", StringComparison.Ordinal))
        {
            return $"{subject} contains \"..\"";
        }

        if (name[^1] == '.')
        {
            return $"{subject} ends with '.'";
        }

        if (name.EndsWith(".lock", StringComparison.Ordinal))
        {
            return $"{subject} ends with \".lock\", which git reserves for lock files";
        }

        if (name.Equals("HEAD", StringComparison.Ordinal))
        {
            return $"{subject} is \"HEAD\", which is reserved (a ref without '@' already means HEAD)";
        }

        if (LooksLikeVersion(name))
        {
            return $"{subject} is reserved because it reads as a version (@v<number>)";
        }

        if (name[0] is >= '0' and <= '9')
        {
            return $"{subject} starts with a digit, which is reserved because it reads as a time (@2026-11-23T09:00:00Z)";
        }

        return null;
    }

    public static bool IsAllDigits(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty)
        {
            return false;
        }

        foreach (var c in s)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
