using System;
using System.Threading;
using Do.Sdk.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Do.Sdk.Generators.Parsing;

/// <summary>Turns a partial durable object class into an <see cref="ObjectClassModel"/>: its registration and object-level verbs.</summary>
internal static class ObjectParser
{
    /// <summary>Cheap syntax filter: a partial class with a base list.</summary>
    public static bool IsCandidate(SyntaxNode node, CancellationToken cancellationToken)
        => node is ClassDeclarationSyntax { BaseList: not null } declaration && declaration.Modifiers.Any(SyntaxKind.PartialKeyword);

    public static ObjectClassModel? Parse(GeneratorSyntaxContext context, CancellationToken cancellationToken)
    {
        try
        {
            return ParseCore(context, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return null;
        }
    }

    private static ObjectClassModel? ParseCore(GeneratorSyntaxContext context, CancellationToken cancellationToken)
    {
        var declaration = (ClassDeclarationSyntax)context.Node;
        if (context.SemanticModel.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol { IsAbstract: false, IsStatic: false } type
            || !TypeSupport.IsDurableObject(type)
            || !IsFirstPartWithBaseList(type, declaration, cancellationToken)
            || !TypeSupport.IsReachable(type, out bool isPublic)
            || !HasParameterlessConstructor(type))
        {
            return null;
        }

        var types = new JsonTypeCollector();
        var verbs = VerbParser.Parse(type, types, context.SemanticModel, cancellationToken);
        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : "";
        return new ObjectClassModel(
            new TypeLocation(ns, EquatableArray<string>.Empty),
            type.Name,
            Symbols.Name(type),
            Symbols.FlatName(type),
            isPublic,
            verbs,
            types.Objects,
            types.Enums);
    }

    // A class split over several partial declarations is reported once: by the first part that has a base list.
    private static bool IsFirstPartWithBaseList(INamedTypeSymbol type, ClassDeclarationSyntax declaration, CancellationToken cancellationToken)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is ClassDeclarationSyntax { BaseList: not null } part)
            {
                return part == declaration;
            }
        }

        return false;
    }

    private static bool HasParameterlessConstructor(INamedTypeSymbol type)
    {
        foreach (var ctor in type.InstanceConstructors)
        {
            if (ctor.Parameters.IsEmpty && ctor.DeclaredAccessibility is Accessibility.Public)
            {
                return true;
            }
        }

        return false;
    }
}
