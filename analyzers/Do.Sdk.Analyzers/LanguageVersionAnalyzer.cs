using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Do.Sdk.Analyzers;

/// <summary>DO0008: a project that references Do.Sdk compiles with a C# version below 14.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LanguageVersionAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.LanguageVersionTooLow);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationAction(Analyze);
    }

    private static void Analyze(CompilationAnalysisContext context)
    {
        if (context.Compilation is not CSharpCompilation compilation
            || compilation.LanguageVersion >= LanguageVersion.CSharp14)
        {
            return;
        }

        // Only projects that consume the runtime: the runtime itself declares the attribute.
        var noun = compilation.GetTypeByMetadataName(DoSymbols.NounAttributeName);
        if (noun is null || SymbolEqualityComparer.Default.Equals(noun.ContainingAssembly, compilation.Assembly))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.LanguageVersionTooLow,
            Location.None,
            compilation.LanguageVersion.ToDisplayString()));
    }
}
