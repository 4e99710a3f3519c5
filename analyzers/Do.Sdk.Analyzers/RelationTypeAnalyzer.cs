using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Do.Sdk.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Do.Sdk.Analyzers;

/// <summary>
/// DO0012: <c>ThingRef&lt;T&gt;.Relate/Unrelate/Related/RelatedFrom</c> with a constant relation type that the noun
/// declaring the edge (T, or the source noun of <c>RelatedFrom&lt;TNoun&gt;</c>) does not list in its [Relation] properties.
/// Nouns without [Relation] properties use relations untyped and are not checked.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RelationTypeAnalyzer : DiagnosticAnalyzer
{
    private const string ThingRefName = "Do.ThingRef`1";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.UnknownRelationType);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterOperationAction(Analyze, OperationKind.Invocation);
    }

    private static void Analyze(OperationAnalysisContext context)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (method.Name is not ("Relate" or "Unrelate" or "Related" or "RelatedFrom")
            || method.ContainingType is not { IsGenericType: true } thingRef
            || TypeSupport.MetadataName(thingRef.OriginalDefinition) != ThingRefName
            || invocation.Arguments.Length == 0)
        {
            return;
        }

        var typeArgument = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "type");
        if (typeArgument?.Value.ConstantValue is not { HasValue: true, Value: string relation })
        {
            return;
        }

        var declaring = method.Name == "RelatedFrom" && method.TypeArguments.Length == 1 ? method.TypeArguments[0] : thingRef.TypeArguments[0];
        if (declaring is not INamedTypeSymbol noun)
        {
            return;
        }

        var declared = new SortedSet<string>(System.StringComparer.Ordinal);
        foreach (var member in noun.GetMembers())
        {
            if (member is IPropertySymbol property && SearchAndRelationSupport.RelationType(property) is { } type)
            {
                declared.Add(type);
            }
        }

        if (declared.Count > 0 && !declared.Contains(relation))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.UnknownRelationType,
                typeArgument.Syntax.GetLocation(),
                relation,
                noun.Name,
                string.Join(", ", declared.Select(d => "\"" + d + "\""))));
        }
    }
}
