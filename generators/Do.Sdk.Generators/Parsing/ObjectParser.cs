using System;
using System.Collections.Immutable;
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
    public static bool IsCandidate(SyntaxNode node, CancellationToken cancellationToken = default)
        => node is ClassDeclarationSyntax { BaseList: not null } declaration && declaration.Modifiers.Any(SyntaxKind.PartialKeyword);

    /// <summary>Every durable object class of the compilation, as models.</summary>
    public static ImmutableArray<ObjectClassModel> ParseAll(Compilation compilation, CancellationToken cancellationToken)
    {
        ImmutableArray<ObjectClassModel>.Builder? models = null;
        foreach (var tree in compilation.SyntaxTrees)
        {
            var candidates = ObjectCandidates.Find(tree, cancellationToken);
            if (!candidates.Classes.IsEmpty)
            {
                foreach (var model in Parse(candidates, compilation, cancellationToken))
                {
                    (models ??= ImmutableArray.CreateBuilder<ObjectClassModel>()).Add(model);
                }
            }
        }

        return models?.ToImmutable() ?? ImmutableArray<ObjectClassModel>.Empty;
    }

    /// <summary>The durable object classes among one tree's candidates (<see cref="ObjectCandidates"/>), as models.</summary>
    public static ImmutableArray<ObjectClassModel> Parse(TreeCandidates candidates, Compilation compilation, CancellationToken cancellationToken)
    {
        var semanticModel = compilation.GetSemanticModel(candidates.Tree);
        ImmutableArray<ObjectClassModel>.Builder? models = null;
        foreach (var declaration in candidates.Classes)
        {
            if (Parse(declaration, semanticModel, cancellationToken) is { } model)
            {
                (models ??= ImmutableArray.CreateBuilder<ObjectClassModel>()).Add(model);
            }
        }

        return models?.ToImmutable() ?? ImmutableArray<ObjectClassModel>.Empty;
    }

    private static ObjectClassModel? Parse(ClassDeclarationSyntax declaration, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        try
        {
            return ParseCore(declaration, semanticModel, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return null;
        }
    }

    private static ObjectClassModel? ParseCore(ClassDeclarationSyntax declaration, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        if (semanticModel.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol { IsAbstract: false, IsStatic: false } type
            || !TypeSupport.IsDurableObject(type)
            || !IsFirstPartWithBaseList(type, declaration, cancellationToken)
            || !TypeSupport.IsReachable(type, out bool isPublic)
            || !HasParameterlessConstructor(type))
        {
            return null;
        }

        var types = new JsonTypeCollector(semanticModel.Compilation);
        var verbs = VerbParser.Parse(type, types, semanticModel, cancellationToken);
        var ns = Symbols.NamespaceName(type.ContainingNamespace);
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
            // Compared by place, not by reference: the scan and GetSyntax may hand out different red nodes for one class.
            if (reference.GetSyntax(cancellationToken) is ClassDeclarationSyntax { BaseList: not null } part)
            {
                return part.SyntaxTree == declaration.SyntaxTree && part.Span == declaration.Span;
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
