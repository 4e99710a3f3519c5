namespace Do.Sdk.Generators.Model;

/// <summary>A noun as the assembly registry sees it: enough to name it, nothing that changes with its properties.</summary>
/// <param name="Noun">The noun name, the key of its dispatcher.</param>
/// <param name="FullName">The fully qualified class name.</param>
/// <param name="VerbsClass">The fully qualified verbs class, or null when it declares no verbs.</param>
internal sealed record NounEntry(string Noun, string FullName, string? VerbsClass);

/// <summary>An object class as the assembly registry sees it.</summary>
/// <param name="FullName">The fully qualified class name.</param>
/// <param name="VerbsClass">The fully qualified verbs class, or null when it declares no verbs.</param>
internal sealed record ObjectEntry(string FullName, string? VerbsClass);

/// <summary>The assembly registry: every noun and object class, sorted and de-duplicated.</summary>
internal sealed record RegistryModel(EquatableArray<NounEntry> Nouns, EquatableArray<ObjectEntry> Objects);
