using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Do.Sdk.Analyzers;

/// <summary>
/// DO0007: <c>.Result</c>, <c>.Wait()</c> or <c>.GetAwaiter().GetResult()</c> inside a durable object,
/// a verb or a handler.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BlockingWaitAnalyzer : DiagnosticAnalyzer
{
    private static readonly string[] AwaitableNames =
    [
        "System.Threading.Tasks.Task",
        "System.Threading.Tasks.Task`1",
        "System.Threading.Tasks.ValueTask",
        "System.Threading.Tasks.ValueTask`1",
        "System.Runtime.CompilerServices.ConfiguredTaskAwaitable",
        "System.Runtime.CompilerServices.ConfiguredTaskAwaitable`1",
        "System.Runtime.CompilerServices.ConfiguredValueTaskAwaitable",
        "System.Runtime.CompilerServices.ConfiguredValueTaskAwaitable`1",
    ];

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.BlockingWait);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (!DoSymbols.TryCreate(start.Compilation, out var symbols))
            {
                return;
            }

            var awaitables = ImmutableHashSet.CreateBuilder<INamedTypeSymbol>(SymbolEqualityComparer.Default);
            foreach (var name in AwaitableNames)
            {
                if (start.Compilation.GetTypeByMetadataName(name) is { } type)
                {
                    awaitables.Add(type);
                }
            }

            var set = awaitables.ToImmutable();
            start.RegisterOperationAction(c => AnalyzeProperty(c, symbols, set), OperationKind.PropertyReference);
            start.RegisterOperationAction(c => AnalyzeInvocation(c, symbols, set), OperationKind.Invocation);
        });
    }

    private static void AnalyzeProperty(OperationAnalysisContext context, DoSymbols symbols, ImmutableHashSet<INamedTypeSymbol> awaitables)
    {
        var reference = (IPropertyReferenceOperation)context.Operation;
        if (reference.Property.Name != "Result" || reference.Instance is null || !IsAwaitable(reference.Property.ContainingType, awaitables))
        {
            return;
        }

        var canAwait = reference.Syntax is MemberAccessExpressionSyntax;
        Report(context, symbols, reference.Property, canAwait);
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, DoSymbols symbols, ImmutableHashSet<INamedTypeSymbol> awaitables)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (method.Name == "Wait")
        {
            if (invocation.Instance is not null && IsAwaitable(method.ContainingType, awaitables))
            {
                // Wait(timeout) answers a question (did it finish in time?) that await does not.
                Report(context, symbols, method, invocation.Arguments.IsEmpty && IsMemberCall(invocation.Syntax));
            }
        }
        else if (method.Name == "GetResult"
            && invocation.Instance is IInvocationOperation { TargetMethod.Name: "GetAwaiter" } getAwaiter
            && getAwaiter.Instance is not null
            && IsAwaitable(getAwaiter.TargetMethod.ContainingType, awaitables))
        {
            Report(context, symbols, method, IsMemberCall(invocation.Syntax) && IsMemberCall(getAwaiter.Syntax));
        }
    }

    private static void Report(OperationAnalysisContext context, DoSymbols symbols, ISymbol member, bool canAwait)
    {
        var scope = ExecutionScope.Find(context.Operation, context.ContainingSymbol, symbols);
        if (scope.InsideNameOf || (scope.Kind == ScopeKind.None && !symbols.IsInsideDurableObject(context.ContainingSymbol)))
        {
            return;
        }

        var properties = canAwait && scope.InnermostFunctionIsAsync && !scope.InsideLock
            ? ImmutableDictionary<string, string?>.Empty.Add(PropertyNames.CanAwait, "true")
            : ImmutableDictionary<string, string?>.Empty;
        var name = member.ContainingType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) + "." + member.Name
            + (member is IMethodSymbol ? "()" : "");
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.BlockingWait,
            context.Operation.Syntax.GetLocation(),
            properties,
            name));
    }

    private static bool IsMemberCall(SyntaxNode syntax) =>
        syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax };

    private static bool IsAwaitable(INamedTypeSymbol? type, ImmutableHashSet<INamedTypeSymbol> awaitables)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (awaitables.Contains(current.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }
}
