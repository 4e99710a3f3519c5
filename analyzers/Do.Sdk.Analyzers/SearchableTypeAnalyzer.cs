using System.Collections.Immutable;
using Do.Sdk.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Do.Sdk.Analyzers;

/// <summary>DO0011: a [Searchable] property that is not a string (the generator leaves it out of the index).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SearchableTypeAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.SearchableNotText);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSymbolAction(Analyze, SymbolKind.Property);
    }

    private static void Analyze(SymbolAnalysisContext context)
    {
        var property = (IPropertySymbol)context.Symbol;
        foreach (var attribute in property.GetAttributes())
        {
            if (attribute.AttributeClass is { } cls
                && TypeSupport.MetadataName(cls) == SearchAndRelationSupport.SearchableAttributeName
                && !SearchAndRelationSupport.IsSearchableType(property.Type))
            {
                var location = attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation() ?? property.Locations[0];
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.SearchableNotText,
                    location,
                    property.Name,
                    property.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)));
            }
        }
    }
}
