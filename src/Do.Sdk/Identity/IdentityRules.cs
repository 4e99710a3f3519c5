namespace Do;

/// <summary>Character and length rules shared by namespaces, thing ids, refs and branch names.</summary>
internal static class IdentityRules
{
    public const int MaxNamespaceLength = 1024;
    public const int MaxLocalIdLength = 256;
    public const int MaxRefLength = MaxNamespaceLength + MaxLocalIdLength + 64;
    public const int MaxBranchLength = 100;
    public const int MaxPathSegments = 16;

    /// <summary>Characters allowed in a local id and in a namespace path segment.</summary>
    public static bool IsIdChar(char c)
        => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.' or '_' or '~' or '-' or ':' or '+';

    public static bool IsBranchChar(char c)
        => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.' or '_' or '-';

    public static bool IsHostChar(char c)
        => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.' or '-';

    /// <summary>Returns a reason when <paramref name="segment"/> is not a safe id segment, else null.</summary>
    public static string? CheckSegment(ReadOnlySpan<char> segment, int maxLength)
    {
        if (segment.IsEmpty)
        {
            return "it has an empty segment";
        }

        if (segment.Length > maxLength)
        {
            return $"a segment is {segment.Length} characters long, the limit is {maxLength}";
        }

        if (segment is "." or "..")
        {
            return $"the segment \"{segment}\" is a relative path step";
        }

        foreach (var c in segment)
        {
            if (char.IsControl(c))
            {
                return $"it contains the control character U+{(int)c:X4}";
            }

            if (!IsIdChar(c))
            {
                return c switch
                {
                    '?' => "it has a query ('?')",
                    '#' => "it has a fragment ('#')",
                    '@' => "'@' starts a ref selector and cannot appear inside an id",
                    '%' => "percent-encoded characters are not accepted",
                    ' ' or '\t' => "it contains white space",
                    _ => $"the character '{c}' is not allowed",
                };
            }
        }

        return null;
    }

    /// <summary>Returns a reason when <paramref name="name"/> is not a valid git-style branch component, else null.</summary>
    public static string? CheckBranch(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty)
        {
            return "it is empty";
        }

        if (name.Length > MaxBranchLength)
        {
            return $"it is {name.Length} characters long, the limit is {MaxBranchLength}";
        }

        foreach (var c in name)
        {
            if (char.IsControl(c))
            {
                return $"it contains the control character U+{(int)c:X4}";
            }

            if (!IsBranchChar(c))
            {
                return $"the character '{c}' is not allowed in a branch name";
            }
        }

        if (name[0] is '.' or '-')
        {
            return $"it starts with '{name[0]}'";
        }

        if (name.Contains("..", StringComparison.Ordinal))
        {
            return "it contains \"..\"";
        }

        if (name[^1] == '.' || name.EndsWith(".lock", StringComparison.Ordinal))
        {
            return "it ends with '.' or \".lock\"";
        }

        if (name.Equals("HEAD", StringComparison.Ordinal))
        {
            return "\"HEAD\" is reserved";
        }

        if (name[0] == 'v' && name.Length > 1 && IsAllDigits(name[1..]))
        {
            return "v<digits> would read as a version ref";
        }

        if (name[0] is >= '0' and <= '9')
        {
            return "it starts with a digit, which would read as a time";
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
