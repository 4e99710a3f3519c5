using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Do.Sdk.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;

namespace Do.Sdk.CodeFixes;

/// <summary>
/// DO0007 in a durable action: <c>Task.Delay(d)</c> becomes <c>ctx.Sleep(d)</c> and <c>Thread.Sleep(ms);</c> becomes
/// <c>await ctx.Sleep(TimeSpan.FromMilliseconds(ms));</c>, a durable timer that releases the turn.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseDurableSleepCodeFixProvider)), Shared]
public sealed class UseDurableSleepCodeFixProvider : CodeFixProvider
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
            // The blocking-wait fix (await) uses CanAwait; only the durable timer carries a replacement.
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
                    equivalenceKey: nameof(UseDurableSleepCodeFixProvider)),
                diagnostic);
        }
    }
}
