using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Do.Sdk.Analyzers;

/// <summary>DO0002: a [Verb] is not a public instance method, is generic, or has ref/out/in parameters.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class VerbSignatureAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.InvalidVerbSignature);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (DoSymbols.TryCreate(start.Compilation, out var symbols) && symbols.VerbAttribute is not null)
            {
                start.RegisterSymbolAction(c => Analyze(c, symbols), SymbolKind.Method);
            }
        });
    }

    private static void Analyze(SymbolAnalysisContext context, DoSymbols symbols)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (!symbols.IsVerb(method) || method.Locations.IsEmpty)
        {
            return;
        }

        var name = $"{method.ContainingType.Name}.{method.Name}";
        var location = method.Locations[0];

        if (method.DeclaredAccessibility != Accessibility.Public)
        {
            Report(context, location, name, $"is {Describe(method.DeclaredAccessibility)}, not public");
        }

        if (method.IsStatic)
        {
            Report(context, location, name, "is static");
        }

        if (method.IsGenericMethod)
        {
            Report(context, location, name, "is generic");
        }

        foreach (var parameter in method.Parameters)
        {
            var modifier = parameter.RefKind switch
            {
                RefKind.Ref => "ref",
                RefKind.Out => "out",
                RefKind.In => "in",
                RefKind.RefReadOnlyParameter => "ref readonly",
                _ => null,
            };
            if (modifier is not null)
            {
                Report(
                    context,
                    parameter.Locations.IsEmpty ? location : parameter.Locations[0],
                    name,
                    $"has '{modifier}' parameter '{parameter.Name}'");
            }
        }
    }

    private static void Report(SymbolAnalysisContext context, Location location, string name, string problem) =>
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidVerbSignature, location, name, problem));

    private static string Describe(Accessibility accessibility) => accessibility switch
    {
        Accessibility.Private => "private",
        Accessibility.Protected => "protected",
        Accessibility.Internal => "internal",
        Accessibility.ProtectedOrInternal => "protected internal",
        Accessibility.ProtectedAndInternal => "private protected",
        _ => "not accessible",
    };
}
