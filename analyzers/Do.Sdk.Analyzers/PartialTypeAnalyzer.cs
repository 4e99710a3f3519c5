using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Do.Sdk.Analyzers;

/// <summary>DO0001: a [Noun] class or a user's DurableObject subclass is not partial.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PartialTypeAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.TypeMustBePartial);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (DoSymbols.TryCreate(start.Compilation, out var symbols))
            {
                start.RegisterSymbolAction(c => Analyze(c, symbols), SymbolKind.NamedType);
            }
        });
    }

    private static void Analyze(SymbolAnalysisContext context, DoSymbols symbols)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (type.TypeKind != TypeKind.Class)
        {
            return;
        }

        string reason;
        if (symbols.IsNoun(type))
        {
            reason = "it is a [Noun]";
        }
        else if (symbols.IsDurableObject(type)
            // The runtime's own Business, App, ... are not user types.
            && !SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, symbols.DurableObject!.ContainingAssembly))
        {
            reason = $"it is a durable object (it derives from '{type.BaseType!.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)}')";
        }
        else
        {
            return;
        }

        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(context.CancellationToken) is TypeDeclarationSyntax declaration
                && !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.TypeMustBePartial,
                    declaration.Identifier.GetLocation(),
                    type.Name,
                    reason));
            }
        }
    }
}
