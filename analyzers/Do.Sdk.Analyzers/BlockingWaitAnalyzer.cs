using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Do.Sdk.Analyzers;

/// <summary>
/// DO0007: <c>.Result</c>, <c>.Wait()</c> or <c>.GetAwaiter().GetResult()</c> inside a durable object, a verb or a
/// handler; and <c>Task.Delay</c> or <c>Thread.Sleep</c> in a durable action (outside a step's work), where
/// <c>ctx.Sleep</c> is the timer that releases the turn and survives a restart.
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

    private const string BlockAdvice = "blocks the object's turn until the task completes; await it instead";

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
            var timers = new Timers(
                start.Compilation.GetTypeByMetadataName("System.Threading.Tasks.Task"),
                start.Compilation.GetTypeByMetadataName("System.Threading.Thread"),
                start.Compilation.GetTypeByMetadataName("System.TimeSpan"));
            start.RegisterOperationAction(c => AnalyzeProperty(c, symbols, set), OperationKind.PropertyReference);
            start.RegisterOperationAction(c => AnalyzeInvocation(c, symbols, set), OperationKind.Invocation);
            start.RegisterOperationAction(c => AnalyzeTimer(c, symbols, timers), OperationKind.Invocation);
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
            name,
            BlockAdvice));
    }

    /// <summary>
    /// A timer in place of <c>ctx.Sleep</c> in a durable action: it holds the turn while it runs and starts over
    /// after a crash. Inside a step's work (a short backoff against an outside service) it is that step's business.
    /// </summary>
    private static void AnalyzeTimer(OperationAnalysisContext context, DoSymbols symbols, Timers timers)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        var isDelay = method.Name == "Delay" && SymbolEqualityComparer.Default.Equals(method.ContainingType, timers.Task);
        var isSleep = method.Name == "Sleep" && SymbolEqualityComparer.Default.Equals(method.ContainingType, timers.Thread);
        if (!isDelay && !isSleep)
        {
            return;
        }

        var replay = ReplayScope.Find(invocation, symbols);
        if (replay.InsideStep || !replay.IsDurable(symbols))
        {
            return;
        }

        var scope = ExecutionScope.Find(invocation, context.ContainingSymbol, symbols);
        if (scope.InsideNameOf)
        {
            return;
        }

        var ctx = scope.ContextName ?? "ctx";
        var properties = ImmutableDictionary<string, string?>.Empty;
        if (scope.ContextName is not null && invocation.Arguments.Length == 1 && invocation.Arguments[0].Value is { } length
            && (isDelay || (scope.InnermostFunctionIsAsync && !scope.InsideLock && invocation.Parent is IExpressionStatementOperation)))
        {
            var duration = SymbolEqualityComparer.Default.Equals(length.Type, timers.TimeSpan)
                ? length.Syntax.ToString()
                : $"TimeSpan.FromMilliseconds({length.Syntax})";
            properties = properties.Add(PropertyNames.Replacement, (isDelay ? "" : "await ") + $"{ctx}.Sleep({duration})");
        }

        var name = (isDelay ? "Task.Delay" : "Thread.Sleep") + "()";
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.BlockingWait,
            invocation.Syntax.GetLocation(),
            properties,
            name,
            $"waits in place inside a durable action: it holds the object's turn and starts over after a restart; use 'await {ctx}.Sleep(...)', a durable timer"));
    }

    private sealed class Timers(INamedTypeSymbol? task, INamedTypeSymbol? thread, INamedTypeSymbol? timeSpan)
    {
        public INamedTypeSymbol? Task { get; } = task;

        public INamedTypeSymbol? Thread { get; } = thread;

        public INamedTypeSymbol? TimeSpan { get; } = timeSpan;
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
