using Do.Sdk.Generators.Model;

namespace Do.Sdk.Generators.Emitting;

/// <summary>What the verb emitter needs from a noun or a durable object class.</summary>
/// <param name="Namespace">The namespace of the owner.</param>
/// <param name="CompanionName">The stem of the generated companion types.</param>
/// <param name="FullName">The owner's fully qualified name.</param>
/// <param name="DisplayName">The noun name or class name used in messages.</param>
/// <param name="IsNoun">True for a noun (verbs run on a thing's state), false for a durable object.</param>
/// <param name="IsPublic">True when the owner is public.</param>
/// <param name="Verbs">The verbs.</param>
/// <param name="NestedTypes">Nested objects reachable from the model.</param>
/// <param name="Enums">Enums reachable from the model.</param>
internal sealed record VerbOwner(
    string Namespace,
    string CompanionName,
    string FullName,
    string DisplayName,
    bool IsNoun,
    bool IsPublic,
    EquatableArray<VerbModel> Verbs,
    EquatableArray<JsonObjectModel> NestedTypes,
    EquatableArray<EnumModel> Enums)
{
    public string Access => IsPublic ? "public" : "internal";

    public string VerbsClass { get; } = VerbEmitter.VerbsClass(Namespace, CompanionName);

    public static VerbOwner From(NounModel noun)
        => new(noun.Location.Namespace, noun.CompanionName, noun.FullName, noun.Noun, true, noun.IsPublic, noun.Verbs, noun.NestedTypes, noun.Enums);

    public static VerbOwner From(ObjectClassModel model)
        => new(model.Location.Namespace, model.CompanionName, model.FullName, model.TypeName, false, model.IsPublic, model.Verbs, model.NestedTypes, model.Enums);
}
