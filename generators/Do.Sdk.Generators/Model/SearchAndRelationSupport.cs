using Microsoft.CodeAnalysis;

namespace Do.Sdk.Generators.Model;

/// <summary>
/// The rules for <c>[Searchable]</c> and <c>[Relation]</c>, shared with the analyzer (linked there) so DO0011 and DO0012
/// report exactly what the generator skips.
/// </summary>
internal static class SearchAndRelationSupport
{
    public const string SearchableAttributeName = "Do.SearchableAttribute";
    public const string RelationAttributeName = "Do.RelationAttribute";
    public const string RelatedThingName = "Do.RelatedThing`1";

    /// <summary>True when a <c>[Searchable]</c> property of this type is indexed: only text is.</summary>
    public static bool IsSearchableType(ITypeSymbol type) => type.SpecialType == SpecialType.System_String;

    /// <summary>The relation type declared by a <c>[Relation("type")]</c> on <paramref name="symbol"/>, or null.</summary>
    public static string? RelationType(ISymbol symbol)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass is { } cls && TypeSupport.MetadataName(cls) == RelationAttributeName
                && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string type)
            {
                return type;
            }
        }

        return null;
    }

    /// <summary>
    /// The related noun of a <c>[Relation]</c> property typed <c>IReadOnlyList&lt;RelatedThing&lt;X&gt;&gt;</c> (or
    /// <c>IEnumerable</c>/<c>IReadOnlyCollection</c>) where X is a noun; null otherwise.
    /// </summary>
    public static INamedTypeSymbol? RelatedNoun(ITypeSymbol type)
    {
        if (type is not INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } list
            || TypeSupport.MetadataName(list.OriginalDefinition) is not ("System.Collections.Generic.IReadOnlyList`1" or "System.Collections.Generic.IEnumerable`1" or "System.Collections.Generic.IReadOnlyCollection`1")
            || list.TypeArguments[0] is not INamedTypeSymbol { IsGenericType: true } related
            || TypeSupport.MetadataName(related.OriginalDefinition) != RelatedThingName
            || related.TypeArguments[0] is not INamedTypeSymbol noun
            || !TypeSupport.IsNoun(noun))
        {
            return null;
        }

        return noun;
    }
}
