using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Do.Sdk.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;

namespace Do.Sdk.CodeFixes;

/// <summary>DO0006: replaces the clock or GUID call with the context's (<c>ctx.Now</c>, <c>ctx.NewId()</c>).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseContextCodeFixProvider)), Shared]
public sealed class UseContextCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.NonDeterministicCall);

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
            if (!diagnostic.Properties.TryGetValue(PropertyNames.Replacement, out var replacement) || replacement is null)
            {
                continue;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Use '{replacement}'",
                    _ =>
                    {
                        var expression = SyntaxFactory.ParseExpression(replacement).WithTriviaFrom(node);
                        return Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(node, expression)));
                    },
                    equivalenceKey: DiagnosticIds.NonDeterministicCall),
                diagnostic);
        }
    }
}
