using System.Collections.Generic;
using System.Linq;
using Do.Sdk.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Do.Sdk.Generators.Parsing;

/// <summary>Symbol helpers shared by the parsers.</summary>
internal static class Symbols
{
    /// <summary>Fully qualified (<c>global::</c>), keywords for special types, <c>?</c> on annotated reference types.</summary>
    public static readonly SymbolDisplayFormat FullyQualified = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>The fully qualified name of <paramref name="type"/> without a top-level nullable annotation.</summary>
    public static string Name(ITypeSymbol type)
        => SpecialTypeName(type.SpecialType)
            ?? (type.IsReferenceType ? type.WithNullableAnnotation(NullableAnnotation.NotAnnotated) : type).ToDisplayString(FullyQualified);

    // What FullyQualified displays for the special types with a C# keyword (and DateTime), without running the symbol
    // display visitor: a property or parameter is one of these most of the time, and the cold run formats thousands.
    private static string? SpecialTypeName(SpecialType type) => type switch
    {
        SpecialType.System_Boolean => "bool",
        SpecialType.System_Byte => "byte",
        SpecialType.System_SByte => "sbyte",
        SpecialType.System_Int16 => "short",
        SpecialType.System_UInt16 => "ushort",
        SpecialType.System_Int32 => "int",
        SpecialType.System_UInt32 => "uint",
        SpecialType.System_Int64 => "long",
        SpecialType.System_UInt64 => "ulong",
        SpecialType.System_Single => "float",
        SpecialType.System_Double => "double",
        SpecialType.System_Decimal => "decimal",
        SpecialType.System_Char => "char",
        SpecialType.System_String => "string",
        SpecialType.System_Object => "object",
        SpecialType.System_DateTime => "global::System.DateTime",
        _ => null,
    };

    /// <summary>Namespace and containing type declarations of <paramref name="type"/>; null when a containing type is not partial.</summary>
    public static TypeLocation? Locate(INamedTypeSymbol type, SyntaxNode declaration)
    {
        var containing = new List<string>();
        foreach (var ancestor in declaration.Ancestors().OfType<TypeDeclarationSyntax>())
        {
            if (!ancestor.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                return null;
            }

            containing.Insert(0, $"partial {Keyword(ancestor)} {ancestor.Identifier.ValueText}");
        }

        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : "";
        return new TypeLocation(ns, containing.ToEquatableArray());
    }

    /// <summary>The keyword that starts a partial declaration of <paramref name="declaration"/>.</summary>
    public static string Keyword(TypeDeclarationSyntax declaration) => declaration switch
    {
        RecordDeclarationSyntax record => record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) ? "record struct" : "record",
        StructDeclarationSyntax => "struct",
        InterfaceDeclarationSyntax => "interface",
        _ => "class",
    };

    /// <summary>The names of the types containing <paramref name="type"/> and its own, joined: <c>Outer.Startup</c> gives <c>OuterStartup</c>.</summary>
    public static string FlatName(INamedTypeSymbol type, string separator = "")
    {
        var parts = new List<string>();
        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            parts.Insert(0, current.Name);
        }

        return string.Join(separator, parts);
    }

    /// <summary>A named argument of an attribute, or the default.</summary>
    public static T? NamedArgument<T>(AttributeData attribute, string name)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == name && argument.Value.Value is T value)
            {
                return value;
            }
        }

        return default;
    }

    /// <summary>The first attribute named <paramref name="metadataName"/> on <paramref name="symbol"/>.</summary>
    public static AttributeData? FindAttribute(ISymbol symbol, string metadataName)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass is { } cls && TypeSupport.MetadataName(cls) == metadataName)
            {
                return attribute;
            }
        }

        return null;
    }
}
