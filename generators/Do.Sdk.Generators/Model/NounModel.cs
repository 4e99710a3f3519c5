namespace Do.Sdk.Generators.Model;

/// <summary>Everything the emitter needs for one <c>[Noun]</c> class.</summary>
/// <param name="Location">Namespace and containing types.</param>
/// <param name="Declaration">The partial declaration keyword, e.g. <c>class</c> or <c>record</c>.</param>
/// <param name="TypeName">The class name, e.g. <c>Startup</c>.</param>
/// <param name="FullName">The fully qualified name, e.g. <c>global::Shop.Startup</c>.</param>
/// <param name="CompanionName">The stem of generated companion types (<c>StartupEvents</c>, <c>StartupVerbs</c>, <c>StartupExtensions</c>).</param>
/// <param name="IsPublic">True when the noun is visible outside its assembly.</param>
/// <param name="HidesBaseMembers">True when a base class already has Noun/Write/Read (a noun deriving from a noun).</param>
/// <param name="Noun">The noun name.</param>
/// <param name="Plural">The plural, e.g. <c>Startups</c>.</param>
/// <param name="TypeUrl">An explicit type URL, or null.</param>
/// <param name="Shape">Its own JSON shape.</param>
/// <param name="Verbs">Its verbs.</param>
/// <param name="NestedTypes">Nested classes/records reachable from properties or verb parameters.</param>
/// <param name="Enums">Enums reachable from properties or verb parameters.</param>
/// <param name="Relations">Typed relations declared by <c>[Relation]</c> properties.</param>
internal sealed record NounModel(
    TypeLocation Location,
    string Declaration,
    string TypeName,
    string FullName,
    string CompanionName,
    bool IsPublic,
    bool HidesBaseMembers,
    string Noun,
    string Plural,
    string? TypeUrl,
    JsonObjectModel Shape,
    EquatableArray<VerbModel> Verbs,
    EquatableArray<JsonObjectModel> NestedTypes,
    EquatableArray<EnumModel> Enums,
    EquatableArray<RelationModel> Relations = default);
