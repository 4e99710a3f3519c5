using System;
using System.Threading;
using Do.Sdk.Generators.Model;
using Do.Sdk.Generators.Naming;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Do.Sdk.Generators.Parsing;

/// <summary>
/// Turns a <c>[Noun]</c> class into a <see cref="NounModel"/>. Returns null for what it cannot generate (a struct,
/// a generic, static or non-partial class, a private nested class, no usable constructor); analyzers explain why.
/// </summary>
internal static class NounParser
{
    public static NounModel? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        try
        {
            return ParseCore(context, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Half-typed code can surprise any parser; generating nothing beats failing the user's build.
            return null;
        }
    }

    private static NounModel? ParseCore(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol { TypeKind: TypeKind.Class, IsStatic: false, IsAbstract: false } type
            || context.TargetNode is not TypeDeclarationSyntax declaration
            || !declaration.Modifiers.Any(SyntaxKind.PartialKeyword)
            || !TypeSupport.IsReachable(type, out bool isPublic)
            || Symbols.Locate(type, declaration) is not { } location)
        {
            return null;
        }

        var types = new JsonTypeCollector(context.SemanticModel.Compilation);
        var shape = types.Shape(type, Symbols.FlatName(type));
        if (shape is null)
        {
            return null;
        }

        var verbs = VerbParser.Parse(type, types, context.SemanticModel, cancellationToken);
        var attribute = context.Attributes.Length > 0 ? context.Attributes[0] : null;
        var plural = attribute is null ? null : Symbols.NamedArgument<string>(attribute, "Plural");
        var typeUrl = attribute is null ? null : Symbols.NamedArgument<string>(attribute, "Type");
        return new NounModel(
            location,
            Symbols.Keyword(declaration),
            type.Name,
            Symbols.Name(type),
            Symbols.FlatName(type),
            isPublic,
            HidesBaseMembers(type),
            type.Name,
            string.IsNullOrWhiteSpace(plural) ? English.Pluralize(type.Name) : Identifiers.Sanitize(plural!),
            string.IsNullOrWhiteSpace(typeUrl) ? null : typeUrl,
            shape,
            verbs,
            types.Objects,
            types.Enums,
            Relations(type));
    }

    private static EquatableArray<RelationModel> Relations(INamedTypeSymbol type)
    {
        var relations = new System.Collections.Generic.List<RelationModel>();
        foreach (var member in type.GetMembers())
        {
            if (member is IPropertySymbol property
                && !PropertySyntax.HasNoAttributes(property)
                && SearchAndRelationSupport.RelationType(property) is { Length: > 0 } relation
                && SearchAndRelationSupport.RelatedNoun(property.Type) is { } target)
            {
                relations.Add(new RelationModel(property.Name, relation, Symbols.Name(target)));
            }
        }

        return relations.ToEquatableArray();
    }

    private static bool HidesBaseMembers(INamedTypeSymbol type)
    {
        for (var current = type.BaseType; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            if (!current.GetMembers("Noun").IsEmpty || !current.GetMembers("Write").IsEmpty || !current.GetMembers("Read").IsEmpty)
            {
                return true;
            }
        }

        return false;
    }
}
