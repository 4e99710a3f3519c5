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
        => (type.IsReferenceType ? type.WithNullableAnnotation(NullableAnnotation.NotAnnotated) : type).ToDisplayString(FullyQualified);

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
