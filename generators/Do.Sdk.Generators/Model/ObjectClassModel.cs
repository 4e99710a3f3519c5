namespace Do.Sdk.Generators.Model;

/// <summary>A partial, non-abstract class deriving from <c>Do.DurableObject</c>.</summary>
/// <param name="Location">Namespace and containing types.</param>
/// <param name="TypeName">The class name.</param>
/// <param name="FullName">The fully qualified name.</param>
/// <param name="CompanionName">The stem of generated companion types (<c>StudioVerbs</c>, <c>StudioExtensions</c>).</param>
/// <param name="IsPublic">True when visible outside its assembly.</param>
/// <param name="Verbs">Its object-level verbs.</param>
/// <param name="NestedTypes">Nested classes/records reachable from verb parameters.</param>
/// <param name="Enums">Enums reachable from verb parameters.</param>
internal sealed record ObjectClassModel(
    TypeLocation Location,
    string TypeName,
    string FullName,
    string CompanionName,
    bool IsPublic,
    EquatableArray<VerbModel> Verbs,
    EquatableArray<JsonObjectModel> NestedTypes,
    EquatableArray<EnumModel> Enums);
