using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Do.Sdk.Analyzers;

/// <summary>
/// DO0009: an <c>async void</c> verb, or an <c>async void</c> method, local function or lambda that
/// takes a <c>Do.Context</c> (the shape of a handler).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AsyncVoidAnalyzer : DiagnosticAnalyzer
{
    private static readonly ImmutableDictionary<string, string?> FixableProperties =
        ImmutableDictionary<string, string?>.Empty.Add(PropertyNames.CanReturnTask, "true");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.AsyncVoid);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (DoSymbols.TryCreate(start.Compilation, out var symbols))
            {
                start.RegisterSymbolAction(c => AnalyzeMethod(c, symbols), SymbolKind.Method);
                start.RegisterOperationAction(c => AnalyzeLocalFunction(c, symbols), OperationKind.LocalFunction);
                start.RegisterOperationAction(c => AnalyzeLambda(c, symbols), OperationKind.AnonymousFunction);
            }
        });
    }

    private static void AnalyzeMethod(SymbolAnalysisContext context, DoSymbols symbols)
    {
        var method = (IMethodSymbol)context.Symbol;
        // An override or interface implementation cannot choose its return type; its base decides.
        if (!method.IsAsync || !method.ReturnsVoid || method.MethodKind != MethodKind.Ordinary
            || method.IsOverride || !method.ExplicitInterfaceImplementations.IsEmpty || method.Locations.IsEmpty)
        {
            return;
        }

        string what;
        if (symbols.IsVerb(method))
        {
            what = "Verb";
        }
        else if (symbols.FindContextParameter(method) is not null)
        {
            what = "Handler";
        }
        else
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.AsyncVoid,
            method.Locations[0],
            FixableProperties,
            $"{what} '{method.ContainingType.Name}.{method.Name}'"));
    }

    private static void AnalyzeLocalFunction(OperationAnalysisContext context, DoSymbols symbols)
    {
        var operation = (ILocalFunctionOperation)context.Operation;
        var function = operation.Symbol;
        if (function.IsAsync && function.ReturnsVoid && symbols.FindContextParameter(function) is not null
            && operation.Syntax is LocalFunctionStatementSyntax syntax)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.AsyncVoid,
                syntax.Identifier.GetLocation(),
                FixableProperties,
                $"Handler '{function.Name}'"));
        }
    }

    private static void AnalyzeLambda(OperationAnalysisContext context, DoSymbols symbols)
    {
        var operation = (IAnonymousFunctionOperation)context.Operation;
        var function = operation.Symbol;
        if (!function.IsAsync || !function.ReturnsVoid || symbols.FindContextParameter(function) is null)
        {
            return;
        }

        // The delegate type, not the lambda, decides the return type: no fix here.
        var location = operation.Syntax is AnonymousFunctionExpressionSyntax lambda && lambda.AsyncKeyword.Span.Length > 0
            ? lambda.AsyncKeyword.GetLocation()
            : operation.Syntax.GetLocation();
        var delegateType = operation.Parent is IDelegateCreationOperation creation && creation.Type is { } type
            ? $" (converted to '{type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)}')"
            : "";
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.AsyncVoid, location, $"Handler lambda{delegateType}"));
    }
}
