namespace Do.Relationships;

/// <summary>The accepted form of a relation type.</summary>
internal static class RelationTypes
{
    public const int MaxLength = 128;

    /// <exception cref="ArgumentException">The type is not 1 to 128 ASCII letters, digits, '_', '-', '.' or ':' starting with a letter.</exception>
    public static void Validate(string type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var ok = type.Length is > 0 and <= MaxLength && char.IsAsciiLetter(type[0]);
        foreach (var c in type)
        {
            ok &= char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or ':';
        }

        if (!ok)
        {
            throw new ArgumentException($"\"{type}\" is not a valid relation type. Expected 1 to {MaxLength} ASCII letters, digits, '_', '-', '.' or ':', starting with a letter, e.g. purchased or works-at.", nameof(type));
        }
    }
}
