using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Do.Sdk.Generators.Parsing;

/// <summary>A member's declaration, for the readings that settle a question from syntax instead of binding.</summary>
internal static class Declarations
{
    /// <summary>
    /// The one declaration of <paramref name="member"/> when it has exactly one, of kind <typeparamref name="TSyntax"/>,
    /// and it is not partial (the other part of a partial member may carry more: attributes, a type); null otherwise.
    /// </summary>
    public static TSyntax? SingleNonPartial<TSyntax>(ISymbol member)
        where TSyntax : MemberDeclarationSyntax
    {
        var references = member.DeclaringSyntaxReferences;
        return references.Length == 1
            && references[0].GetSyntax() is TSyntax syntax
            && !syntax.Modifiers.Any(SyntaxKind.PartialKeyword)
            ? syntax
            : null;
    }
}
