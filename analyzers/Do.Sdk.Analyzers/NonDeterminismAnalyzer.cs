using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Do.Sdk.Analyzers;

/// <summary>
/// DO0006: the machine clock, <c>Guid.NewGuid()</c> or <c>Random</c> used inside a verb or a handler, where a retry or
/// a resume after a crash must see the same values as the first run. In a durable action (one that journals steps)
/// any value that changes between runs — the context's clock and ids included — read before a later journaled call
/// must be journaled itself with <c>ctx.Step</c>; inside a step's work it is fine.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NonDeterminismAnalyzer : DiagnosticAnalyzer
{
    private const string RandomAdvice =
        "pass random values in as verb input, or derive them from 'Context.NewId()'";

    private const string NowStep = "{0}.Now";
    private const string IdStep = "{0}.NewId()";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.NonDeterministicCall);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var compilation = start.Compilation;
            if (!DoSymbols.TryCreate(compilation, out var symbols))
            {
                return;
            }

            var types = new SystemTypes(
                compilation.GetSpecialType(SpecialType.System_DateTime),
                compilation.GetTypeByMetadataName("System.DateTimeOffset"),
                compilation.GetTypeByMetadataName("System.Guid"),
                compilation.GetTypeByMetadataName("System.Random"),
                compilation.GetTypeByMetadataName("System.Environment"),
                compilation.GetTypeByMetadataName("System.TimeProvider"));

            start.RegisterOperationAction(c => AnalyzeProperty(c, symbols, types), OperationKind.PropertyReference);
            start.RegisterOperationAction(c => AnalyzeInvocation(c, symbols, types), OperationKind.Invocation);
            start.RegisterOperationAction(c => AnalyzeCreation(c, symbols, types), OperationKind.ObjectCreation);
        });
    }

    private static void AnalyzeProperty(OperationAnalysisContext context, DoSymbols symbols, SystemTypes types)
    {
        var property = ((IPropertyReferenceOperation)context.Operation).Property;
        var type = property.ContainingType;
        if (!property.IsStatic)
        {
            if (property.Name == "Now" && symbols.IsContext(type))
            {
                ReportReplayOnly(context, symbols, "Context.Now", NowStep, "now");
            }

            return;
        }

        if (Is(type, types.DateTime))
        {
            switch (property.Name)
            {
                case "Now":
                    Report(context, symbols, new Candidate("DateTime.Now", "{0}.Now.LocalDateTime", "use 'Context.Now'", NowStep, "now", ".LocalDateTime"));
                    break;
                case "UtcNow":
                    Report(context, symbols, new Candidate("DateTime.UtcNow", "{0}.Now.UtcDateTime", "use 'Context.Now'", NowStep, "now", ".UtcDateTime"));
                    break;
                case "Today":
                    Report(context, symbols, new Candidate("DateTime.Today", "{0}.Now.LocalDateTime.Date", "use 'Context.Now'", NowStep, "now", ".LocalDateTime.Date"));
                    break;
            }
        }
        else if (Is(type, types.DateTimeOffset))
        {
            switch (property.Name)
            {
                case "Now":
                    Report(context, symbols, new Candidate("DateTimeOffset.Now", "{0}.Now", "use 'Context.Now'", NowStep, "now"));
                    break;
                case "UtcNow":
                    Report(context, symbols, new Candidate("DateTimeOffset.UtcNow", "{0}.Now", "use 'Context.Now'", NowStep, "now"));
                    break;
            }
        }
        else if (Is(type, types.Random) && property.Name == "Shared")
        {
            Report(context, symbols, new Candidate("Random.Shared", null, RandomAdvice, null, null));
        }
        else if (Is(type, types.Environment) && property.Name is "TickCount" or "TickCount64")
        {
            ReportReplayOnly(context, symbols, "Environment." + property.Name, "Environment." + property.Name, "tick count");
        }
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, DoSymbols symbols, SystemTypes types)
    {
        var method = ((IInvocationOperation)context.Operation).TargetMethod;
        if (method.IsStatic && method.Name == "NewGuid" && Is(method.ContainingType, types.Guid))
        {
            Report(context, symbols, new Candidate("Guid.NewGuid()", "{0}.NewId()", "use 'Context.NewId()'", IdStep, "new id"));
        }
        else if (!method.IsStatic && method.Name == "NewId" && symbols.IsContext(method.ContainingType))
        {
            ReportReplayOnly(context, symbols, "Context.NewId()", IdStep, "new id");
        }
        else if (!method.IsStatic && method.Name is "GetUtcNow" or "GetLocalNow" && IsOrDerives(method.ContainingType, types.TimeProvider))
        {
            ReportReplayOnly(context, symbols, "TimeProvider." + method.Name + "()", NowStep, "now", method.Name == "GetLocalNow" ? ".ToLocalTime()" : "");
        }
    }

    private static void AnalyzeCreation(OperationAnalysisContext context, DoSymbols symbols, SystemTypes types)
    {
        if (Is(context.Operation.Type, types.Random))
        {
            Report(context, symbols, new Candidate("new Random()", null, RandomAdvice, null, null));
        }
    }

    /// <summary>A value that is stable enough in a plain verb (the context's clock) but not across a replay.</summary>
    private static void ReportReplayOnly(OperationAnalysisContext context, DoSymbols symbols, string what, string stepValue, string stepName, string suffix = "") =>
        Report(context, symbols, new Candidate(what, null, null, stepValue, stepName, suffix));

    private static void Report(OperationAnalysisContext context, DoSymbols symbols, Candidate candidate)
    {
        var operation = context.Operation;
        var scope = ExecutionScope.Find(operation, context.ContainingSymbol, symbols);
        if (scope.Kind == ScopeKind.None || scope.InsideNameOf)
        {
            return;
        }

        var replay = ReplayScope.Find(operation, symbols);
        if (replay.InsideStep)
        {
            return; // a step's work runs once per action; a replay returns its journaled result
        }

        string? replacement = null;
        string advice;
        if (replay.PrecedesJournaledCall(operation, symbols) && !replay.InsideWaitLength(operation, symbols))
        {
            advice = "a replay of this durable action reads it again, so journal it with 'ctx.Step'";
            if (candidate.StepValue is not null && scope.ContextName is { } ctx && scope.InnermostFunctionIsAsync && !scope.InsideLock)
            {
                var value = Format(candidate.StepValue, ctx);
                var step = $"await {ctx}.Step(\"{candidate.StepName}\", _ => Task.FromResult({value}))";
                replacement = candidate.StepSuffix.Length > 0 || NeedsParentheses(operation.Syntax)
                    ? $"({step}){candidate.StepSuffix}"
                    : step;
                advice = $"a replay of this durable action reads it again, so journal it: '{replacement}'";
            }
        }
        else if (candidate.Advice is null)
        {
            return; // the context's clock and ids are fine where no journaled call follows
        }
        else
        {
            advice = candidate.Advice;
            if (candidate.Replacement is not null && scope.ContextName is { } ctx)
            {
                replacement = Format(candidate.Replacement, ctx);
                advice = $"use '{replacement}'";
            }
        }

        var properties = replacement is null
            ? ImmutableDictionary<string, string?>.Empty
            : ImmutableDictionary<string, string?>.Empty.Add(PropertyNames.Replacement, replacement);
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.NonDeterministicCall,
            operation.Syntax.GetLocation(),
            properties,
            candidate.What,
            scope.Describe(),
            advice));
    }

    private static string Format(string template, string contextName) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, template, contextName);

    /// <summary>An <c>await</c> replacing <paramref name="syntax"/> must be parenthesized where a member is read off it.</summary>
    private static bool NeedsParentheses(SyntaxNode syntax) => syntax.Parent switch
    {
        MemberAccessExpressionSyntax access => access.Expression == syntax,
        ConditionalAccessExpressionSyntax access => access.Expression == syntax,
        ElementAccessExpressionSyntax access => access.Expression == syntax,
        PostfixUnaryExpressionSyntax => true,
        _ => false,
    };

    private static bool Is(ITypeSymbol? type, INamedTypeSymbol? expected) =>
        expected is not null && SymbolEqualityComparer.Default.Equals(type, expected);

    private static bool IsOrDerives(INamedTypeSymbol? type, INamedTypeSymbol? expected)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (Is(current, expected))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// One flagged value: <see cref="Replacement"/> and <see cref="Advice"/> for a verb or handler that does not replay
    /// (no advice: not flagged there), <see cref="StepValue"/> the value to journal in a durable action.
    /// </summary>
    private sealed class Candidate(string what, string? replacement, string? advice, string? stepValue, string? stepName, string stepSuffix = "")
    {
        public string What { get; } = what;

        public string? Replacement { get; } = replacement;

        public string? Advice { get; } = advice;

        public string? StepValue { get; } = stepValue;

        public string? StepName { get; } = stepName;

        public string StepSuffix { get; } = stepSuffix;
    }

    private sealed class SystemTypes(
        INamedTypeSymbol? dateTime,
        INamedTypeSymbol? dateTimeOffset,
        INamedTypeSymbol? guid,
        INamedTypeSymbol? random,
        INamedTypeSymbol? environment,
        INamedTypeSymbol? timeProvider)
    {
        public INamedTypeSymbol? DateTime { get; } = dateTime;

        public INamedTypeSymbol? DateTimeOffset { get; } = dateTimeOffset;

        public INamedTypeSymbol? Guid { get; } = guid;

        public INamedTypeSymbol? Random { get; } = random;

        public INamedTypeSymbol? Environment { get; } = environment;

        public INamedTypeSymbol? TimeProvider { get; } = timeProvider;
    }
}
