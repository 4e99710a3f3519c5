namespace Do;

/// <summary>
/// A noun was looked up by its short name, but more than one registered noun has that name (two assemblies each
/// declare a <c>Startup</c>, say). The message lists every type URL that claims the name.
/// </summary>
public sealed class AmbiguousNounException : ArgumentException
{
    /// <summary>Creates the exception for <paramref name="name"/> and the type URLs that share it.</summary>
    public AmbiguousNounException(string name, IReadOnlyList<string> typeUrls)
        : base(Describe(name, typeUrls), nameof(name))
    {
        Name = name;
        TypeUrls = typeUrls;
    }

    /// <summary>The short name that matched more than one noun.</summary>
    public string Name { get; }

    /// <summary>The type URL of each noun with that name; <c>{ns}/Name</c> stands for the default, the object's namespace plus the name.</summary>
    public IReadOnlyList<string> TypeUrls { get; }

    private static string Describe(string name, IReadOnlyList<string> typeUrls)
    {
        ArgumentNullException.ThrowIfNull(typeUrls);
        var duplicates = typeUrls.Distinct(StringComparer.Ordinal).Count() < typeUrls.Count
            ? $" Two of them share a type URL, so the runtime cannot tell them apart anywhere: give each its own with [Noun(Type = \"https://…/{name}\")]."
            : "";
        return $"\"{name}\" names {typeUrls.Count} registered nouns: {string.Join(", ", typeUrls)}. "
            + $"Look the noun up by its type URL (DoRegistry.FindNounByTypeUrl), or use its typed API (ctx.{name}(...)), which knows which one it is.{duplicates}";
    }
}
