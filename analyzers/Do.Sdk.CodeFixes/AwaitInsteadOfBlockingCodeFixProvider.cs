using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Do.Sdk.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace Do.Sdk.CodeFixes;

/// <summary>DO0007: <c>t.Result</c>, <c>t.Wait()</c> and <c>t.GetAwaiter().GetResult()</c> become <c>await t</c>.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AwaitInsteadOfBlockingCodeFixProvider)), Shared]
public sealed class AwaitInsteadOfBlockingCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.BlockingWait);

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
            if (!diagnostic.Properties.ContainsKey(PropertyNames.CanAwait))
            {
                continue;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (node is not ExpressionSyntax blocking || FindTask(blocking) is not { } task)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Use 'await'",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(blocking, Await(task).WithTriviaFrom(blocking)))),
                    equivalenceKey: DiagnosticIds.BlockingWait),
                diagnostic);
        }
    }

    /// <summary>The task being waited on: <c>t</c> in <c>t.Result</c>, <c>t.Wait()</c>, <c>t.GetAwaiter().GetResult()</c>.</summary>
    private static ExpressionSyntax? FindTask(ExpressionSyntax blocking) => blocking switch
    {
        MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Result" } result => result.Expression,
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Wait" } wait } => wait.Expression,
        InvocationExpressionSyntax
        {
            Expression: MemberAccessExpressionSyntax
            {
                Name.Identifier.ValueText: "GetResult",
                Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetAwaiter" } getAwaiter },
            },
        } => getAwaiter.Expression,
        _ => null,
    };

    // Parenthesise both the operand and the await; the simplifier removes the parentheses
    // that the surrounding code does not need ('(await t).Length' keeps them, 'var x = await t' not).
    private static ParenthesizedExpressionSyntax Await(ExpressionSyntax task) =>
        SyntaxFactory.ParenthesizedExpression(
                SyntaxFactory.AwaitExpression(
                    SyntaxFactory.ParenthesizedExpression(task.WithoutTrivia()).WithAdditionalAnnotations(Simplifier.Annotation)))
            .WithAdditionalAnnotations(Simplifier.Annotation);
}
