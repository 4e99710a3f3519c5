using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Do.Sdk.Generators.Parsing;

/// <summary>
/// Finds the classes of one syntax tree that could be durable objects (<see cref="ObjectParser.IsCandidate"/>),
/// visiting only the nodes that can declare a type: the compilation unit, namespaces and type declarations.
/// </summary>
/// <remarks>
/// A durable object carries no attribute, so <c>ForAttributeWithMetadataName</c> cannot find it, and
/// <c>CreateSyntaxProvider</c> calls its predicate on every node of every tree, method bodies included: ~9% of a cold
/// run at 100 nouns (issue 12). C# declares a type only in a compilation unit, a namespace or another type, never inside
/// a member, so this walk finds exactly the classes the full walk would (<c>ObjectCandidatesTests</c> checks both).
/// </remarks>
internal static class ObjectCandidates
{
    /// <summary>The candidate classes of <paramref name="tree"/>, in document order (empty for most trees).</summary>
    public static TreeCandidates Find(SyntaxTree tree, CancellationToken cancellationToken)
    {
        if (tree.GetRoot(cancellationToken) is not CompilationUnitSyntax unit)
        {
            return new TreeCandidates(tree, ImmutableArray<ClassDeclarationSyntax>.Empty);
        }

        ImmutableArray<ClassDeclarationSyntax>.Builder? found = null;
        Visit(unit.Members, ref found, cancellationToken);
        return new TreeCandidates(tree, found?.ToImmutable() ?? ImmutableArray<ClassDeclarationSyntax>.Empty);
    }

    private static void Visit(SyntaxList<MemberDeclarationSyntax> members, ref ImmutableArray<ClassDeclarationSyntax>.Builder? found, CancellationToken cancellationToken)
    {
        foreach (var member in members)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (member)
            {
                case BaseNamespaceDeclarationSyntax ns:
                    Visit(ns.Members, ref found, cancellationToken);
                    break;
                case TypeDeclarationSyntax type:
                    if (ObjectParser.IsCandidate(type, cancellationToken))
                    {
                        (found ??= ImmutableArray.CreateBuilder<ClassDeclarationSyntax>()).Add((ClassDeclarationSyntax)type);
                    }

                    Visit(type.Members, ref found, cancellationToken);
                    break;
            }
        }
    }
}
