namespace Do.Storage;

/// <summary>Validation of noun names used by the JSON-level stores.</summary>
internal static class NounNames
{
    public static void Validate(string noun)
    {
        ArgumentNullException.ThrowIfNull(noun);
        if (noun.Length is 0 or > 128 || !(char.IsAsciiLetter(noun[0]) || noun[0] == '_'))
        {
            throw new ArgumentException($"\"{noun}\" is not a valid noun name. Expected a C#-style identifier of 1 to 128 ASCII letters, digits and '_', starting with a letter, e.g. Startup.", nameof(noun));
        }

        foreach (var c in noun)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                throw new ArgumentException($"\"{noun}\" is not a valid noun name: '{c}' is not allowed. Expected a C#-style identifier of ASCII letters, digits and '_', e.g. Startup.", nameof(noun));
            }
        }
    }
}
