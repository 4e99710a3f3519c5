using System;
using System.Collections.Immutable;
using Cronos;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Do.Sdk.Analyzers;

/// <summary>DO0005: a constant expression passed to <c>Every.Cron</c> does not parse with Cronos.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CronExpressionAnalyzer : DiagnosticAnalyzer
{
    private const string ExpressionParameter = "expression";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.InvalidCronExpression);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (DoSymbols.TryCreate(start.Compilation, out var symbols) && symbols.Every is { } every)
            {
                start.RegisterOperationAction(c => Analyze(c, every), OperationKind.Invocation);
            }
        });
    }

    /// <summary>Cronos's message for an invalid expression, or null when it parses.</summary>
    public static string? Validate(string expression)
    {
        // Five fields are the standard format; six put seconds first. Anything else goes to the
        // standard parser too, but its message ("Unexpected character") hides the real problem,
        // so the field count is stated first.
        var fields = CountFields(expression);
        var format = fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard;
        try
        {
            CronExpression.Parse(expression, format);
            return null;
        }
        catch (FormatException exception)
        {
            var isMacro = expression.TrimStart().StartsWith("@", StringComparison.Ordinal);
            return fields is 5 or 6 || isMacro
                ? exception.Message
                : $"expected 5 fields (minute hour day-of-month month day-of-week) or 6 (seconds first), found {fields}. Cronos: {exception.Message}";
        }
    }

    private static void Analyze(OperationAnalysisContext context, INamedTypeSymbol every)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (method.Name != "Cron" || !SymbolEqualityComparer.Default.Equals(method.ContainingType, every))
        {
            return;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name == ExpressionParameter
                && argument.Value.ConstantValue is { HasValue: true, Value: string expression }
                && Validate(expression) is { } message)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.InvalidCronExpression,
                    argument.Value.Syntax.GetLocation(),
                    expression,
                    message));
            }
        }
    }

    private static int CountFields(string expression)
    {
        var count = 0;
        var inField = false;
        foreach (var c in expression)
        {
            var separator = char.IsWhiteSpace(c);
            if (!separator && !inField)
            {
                count++;
            }

            inField = !separator;
        }

        return count;
    }
}
