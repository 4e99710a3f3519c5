using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Do.Sdk.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Do.Sdk.CodeFixes;

/// <summary>DO0001: adds <c>partial</c> to every declaration of the type.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakePartialCodeFixProvider)), Shared]
public sealed class MakePartialCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.TypeMustBePartial);

    // Fix-all works document by document: every flagged declaration has its own diagnostic.
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllInDocumentAsync);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (FindDeclaration(root, diagnostic) is not { } declaration)
            {
                continue;
            }

            var title = $"Make '{declaration.Identifier.ValueText}' partial";
            context.RegisterCodeFix(
                CodeAction.Create(
                    title,
                    ct => MakePartialAsync(context.Document, declaration, ct),
                    equivalenceKey: DiagnosticIds.TypeMustBePartial),
                diagnostic);
        }
    }

    private static async Task<Solution> MakePartialAsync(Document document, TypeDeclarationSyntax declaration, CancellationToken cancellationToken)
    {
        var solution = document.Project.Solution;
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model?.GetDeclaredSymbol(declaration, cancellationToken) is not { } type)
        {
            return solution;
        }

        // Every part must say 'partial'; group the parts by file so each document is rewritten once.
        var byTree = new Dictionary<SyntaxTree, List<TypeDeclarationSyntax>>();
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (await reference.GetSyntaxAsync(cancellationToken).ConfigureAwait(false) is TypeDeclarationSyntax part
                && !part.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                if (!byTree.TryGetValue(part.SyntaxTree, out var parts))
                {
                    byTree[part.SyntaxTree] = parts = [];
                }

                parts.Add(part);
            }
        }

        foreach (var entry in byTree)
        {
            if (solution.GetDocument(entry.Key) is not { } partDocument)
            {
                continue;
            }

            var root = await entry.Key.GetRootAsync(cancellationToken).ConfigureAwait(false);
            var newRoot = root.ReplaceNodes(entry.Value, (_, rewritten) => AddPartial(rewritten));
            solution = solution.WithDocumentSyntaxRoot(partDocument.Id, newRoot);
        }

        return solution;
    }

    private static async Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var declarations = new List<TypeDeclarationSyntax>();
        foreach (var diagnostic in diagnostics)
        {
            if (FindDeclaration(root, diagnostic) is { } declaration && !declarations.Contains(declaration))
            {
                declarations.Add(declaration);
            }
        }

        return document.WithSyntaxRoot(root.ReplaceNodes(declarations, (_, rewritten) => AddPartial(rewritten)));
    }

    private static TypeDeclarationSyntax? FindDeclaration(SyntaxNode? root, Diagnostic diagnostic) =>
        root?.FindToken(diagnostic.Location.SourceSpan.Start).Parent as TypeDeclarationSyntax;

    /// <summary>Adds 'partial' as the last modifier, the only place C# accepts it.</summary>
    internal static TypeDeclarationSyntax AddPartial(TypeDeclarationSyntax declaration)
    {
        if (declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            return declaration;
        }

        if (declaration.Modifiers.Count == 0)
        {
            // The keyword's leading trivia (indentation, comments) moves to the new first token.
            var keyword = declaration.Keyword;
            var partial = SyntaxFactory.Token(keyword.LeadingTrivia, SyntaxKind.PartialKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space));
            return declaration
                .WithKeyword(keyword.WithLeadingTrivia(SyntaxFactory.TriviaList()))
                .WithModifiers(SyntaxFactory.TokenList(partial));
        }

        return declaration.WithModifiers(
            declaration.Modifiers.Add(SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space)));
    }
}
