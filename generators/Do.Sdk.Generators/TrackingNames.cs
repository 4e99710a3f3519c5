namespace Do.Sdk.Generators;

/// <summary>Names of the pipeline steps, so tests can check how each step ran on an incremental re-run.</summary>
internal static class TrackingNames
{
    /// <summary>One <c>NounModel</c> per <c>[Noun]</c> class.</summary>
    public const string Nouns = nameof(Nouns);

    /// <summary>One <c>ObjectClassModel</c> per partial durable object class.</summary>
    public const string Objects = nameof(Objects);

    /// <summary>The slim registry entry of each noun (name and whether it has verbs).</summary>
    public const string NounEntries = nameof(NounEntries);

    /// <summary>The slim registry entry of each object class.</summary>
    public const string ObjectEntries = nameof(ObjectEntries);

    /// <summary>The assembly's registry: every noun and object class, sorted.</summary>
    public const string Registry = nameof(Registry);
}
