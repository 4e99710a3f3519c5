namespace Do.Sdk.Generators.Model;

/// <summary>A serialized property.</summary>
/// <param name="Name">The C# name.</param>
/// <param name="JsonName">The camelCase JSON name.</param>
/// <param name="Type">The type.</param>
/// <param name="SqlType">INTEGER, REAL, TEXT or JSON.</param>
/// <param name="Indexed">True when marked <c>[Indexed]</c>.</param>
/// <param name="Setter">How the value is assigned when read.</param>
/// <param name="Searchable">True when a string marked <c>[Searchable]</c>.</param>
internal sealed record PropertyModel(string Name, string JsonName, TypeRef Type, string SqlType, bool Indexed, PropertySetter Setter, bool Searchable = false);
