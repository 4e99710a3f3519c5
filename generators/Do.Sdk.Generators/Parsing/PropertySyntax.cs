using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Do.Sdk.Generators.Parsing;

/// <summary>
/// Reads what the one declaration of a property proves, so the symbol is not asked: <c>IPropertySymbol.Type</c> binds
/// the property's whole signature under a lock, and <c>GetAttributes</c> binds and validates its attribute lists, for
/// every property of every noun on a cold run (issue 12). Anything the syntax does not settle goes to the symbol.
/// </summary>
internal static class PropertySyntax
{
    /// <summary>
    /// The special type named by the keyword <paramref name="property"/> is declared with (<c>string Name</c>,
    /// <c>int Priority</c>); null when syntax does not settle it (<c>?</c>, <c>ref</c>, any other type syntax, a
    /// partial property, an explicit interface implementation, a property with no declaration of its own).
    /// A keyword cannot be aliased, and without <c>?</c> it is not annotated.
    /// </summary>
    public static SpecialType? KeywordType(IPropertySymbol property)
        => Declaration(property) is { ExplicitInterfaceSpecifier: null, Type: PredefinedTypeSyntax predefined }
            ? VerbSyntax.KeywordType(predefined.Keyword.Kind())
            : null;

    /// <summary>
    /// True when syntax proves <paramref name="property"/> carries no attribute: its one declaration, not partial, has no
    /// attribute list (a record's positional property has a parameter for its declaration, and is left to the symbol).
    /// </summary>
    public static bool HasNoAttributes(IPropertySymbol property)
        => Declaration(property) is { AttributeLists.Count: 0 };

    // The one declaration of a property that is not partial (a partial property's other part may say more).
    private static PropertyDeclarationSyntax? Declaration(IPropertySymbol property)
        => Declarations.SingleNonPartial<PropertyDeclarationSyntax>(property);
}
