using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Do.Sdk.Analyzers;

/// <summary>
/// DO0006: the machine clock, <c>Guid.NewGuid()</c> or <c>Random</c> used inside a verb or a handler,
/// where a retry or a resume after a crash must see the same values as the first run.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NonDeterminismAnalyzer : DiagnosticAnalyzer
{
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
                compilation.GetTypeByMetadataName("System.Random"));

            start.RegisterOperationAction(c => AnalyzeProperty(c, symbols, types), OperationKind.PropertyReference);
            start.RegisterOperationAction(c => AnalyzeInvocation(c, symbols, types), OperationKind.Invocation);
            start.RegisterOperationAction(c => AnalyzeCreation(c, symbols, types), OperationKind.ObjectCreation);
        });
    }

    private static void AnalyzeProperty(OperationAnalysisContext context, DoSymbols symbols, SystemTypes types)
    {
        var property = ((IPropertyReferenceOperation)context.Operation).Property;
        if (!property.IsStatic)
        {
            return;
        }

        var type = property.ContainingType;
        if (Is(type, types.DateTime))
        {
            switch (property.Name)
            {
                case "Now":
                    Report(context, symbols, "DateTime.Now", "{0}.Now.LocalDateTime", "use 'Context.Now'");
                    break;
                case "UtcNow":
                    Report(context, symbols, "DateTime.UtcNow", "{0}.Now.UtcDateTime", "use 'Context.Now'");
                    break;
                case "Today":
                    Report(context, symbols, "DateTime.Today", "{0}.Now.LocalDateTime.Date", "use 'Context.Now'");
                    break;
            }
        }
        else if (Is(type, types.DateTimeOffset))
        {
            switch (property.Name)
            {
                case "Now":
                    Report(context, symbols, "DateTimeOffset.Now", "{0}.Now", "use 'Context.Now'");
                    break;
                case "UtcNow":
                    Report(context, symbols, "DateTimeOffset.UtcNow", "{0}.Now", "use 'Context.Now'");
                    break;
            }
        }
        else if (Is(type, types.Random) && property.Name == "Shared")
        {
            Report(context, symbols, "Random.Shared", replacement: null, RandomAdvice);
        }
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, DoSymbols symbols, SystemTypes types)
    {
        var method = ((IInvocationOperation)context.Operation).TargetMethod;
        if (method.IsStatic && method.Name == "NewGuid" && Is(method.ContainingType, types.Guid))
        {
            Report(context, symbols, "Guid.NewGuid()", "{0}.NewId()", "use 'Context.NewId()'");
        }
    }

    private static void AnalyzeCreation(OperationAnalysisContext context, DoSymbols symbols, SystemTypes types)
    {
        if (Is(context.Operation.Type, types.Random))
        {
            Report(context, symbols, "new Random()", replacement: null, RandomAdvice);
        }
    }

    private const string RandomAdvice =
        "pass random values in as verb input, or derive them from 'Context.NewId()'";

    private static void Report(
        OperationAnalysisContext context,
        DoSymbols symbols,
        string what,
        string? replacement,
        string advice)
    {
        var scope = ExecutionScope.Find(context.Operation, context.ContainingSymbol, symbols);
        if (scope.Kind == ScopeKind.None || scope.InsideNameOf)
        {
            return;
        }

        var properties = ImmutableDictionary<string, string?>.Empty;
        if (replacement is not null && scope.ContextName is { } contextName)
        {
            var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, replacement, contextName);
            properties = properties.Add(PropertyNames.Replacement, text);
            advice = $"use '{text}'";
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.NonDeterministicCall,
            context.Operation.Syntax.GetLocation(),
            properties,
            what,
            scope.Describe(),
            advice));
    }

    private static bool Is(ITypeSymbol? type, INamedTypeSymbol? expected) =>
        expected is not null && SymbolEqualityComparer.Default.Equals(type, expected);

    private sealed class SystemTypes(
        INamedTypeSymbol? dateTime,
        INamedTypeSymbol? dateTimeOffset,
        INamedTypeSymbol? guid,
        INamedTypeSymbol? random)
    {
        public INamedTypeSymbol? DateTime { get; } = dateTime;

        public INamedTypeSymbol? DateTimeOffset { get; } = dateTimeOffset;

        public INamedTypeSymbol? Guid { get; } = guid;

        public INamedTypeSymbol? Random { get; } = random;
    }
}
