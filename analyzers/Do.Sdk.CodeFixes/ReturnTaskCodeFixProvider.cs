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
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;

namespace Do.Sdk.CodeFixes;

/// <summary>DO0009: an <c>async void</c> verb or handler returns <c>Task</c> instead.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReturnTaskCodeFixProvider)), Shared]
public sealed class ReturnTaskCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.AsyncVoid);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.ContainsKey(PropertyNames.CanReturnTask))
            {
                continue;
            }

            var function = root.FindToken(diagnostic.Location.SourceSpan.Start).Parent;
            var returnType = function switch
            {
                MethodDeclarationSyntax method => method.ReturnType,
                LocalFunctionStatementSyntax local => local.ReturnType,
                _ => null,
            };
            if (returnType is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Return 'Task'",
                    ct => ReturnTaskAsync(context.Document, root, returnType, ct),
                    equivalenceKey: DiagnosticIds.AsyncVoid),
                diagnostic);
        }
    }

    private static async Task<Document> ReturnTaskAsync(Document document, SyntaxNode root, TypeSyntax returnType, CancellationToken cancellationToken)
    {
        // Fully qualified and annotated: the using is added when missing, then the simplifier
        // shortens the name to 'Task'.
        var task = SyntaxFactory.ParseTypeName("System.Threading.Tasks.Task")
            .WithTriviaFrom(returnType)
            .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
        var changed = document.WithSyntaxRoot(root.ReplaceNode(returnType, task));
        return await ImportAdder.AddImportsAsync(changed, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
