using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Do.Sdk.Analyzers;

/// <summary>
/// DO0013: a <c>ctx.Step</c> whose replay cannot return what the first run did. A replay returns the step's journaled
/// result without running its work, so a journaled call inside the work (a nested step, a Sleep) shifts the positions
/// of every later step, and a variable or property assigned by the work keeps its old value. A blank step or signal
/// name fails at run time. Names need not be unique: the journal is positional, so a loop may repeat one.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class StepReplayAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.StepBreaksReplay);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (!DoSymbols.TryCreate(start.Compilation, out var symbols) || symbols.Context is null)
            {
                return;
            }

            start.RegisterOperationAction(c => AnalyzeCall(c, symbols), OperationKind.Invocation);
            start.RegisterOperationAction(
                c => AnalyzeAssignment(c, symbols),
                OperationKind.SimpleAssignment,
                OperationKind.CompoundAssignment,
                OperationKind.CoalesceAssignment,
                OperationKind.DeconstructionAssignment,
                OperationKind.Increment,
                OperationKind.Decrement);
        });
    }

    private static void AnalyzeCall(OperationAnalysisContext context, DoSymbols symbols)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (!symbols.IsJournaledCall(method))
        {
            return;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name is "name" or "signal"
                && argument.Value.ConstantValue is { HasValue: true, Value: var value }
                && (value is null || (value is string text && string.IsNullOrWhiteSpace(text))))
            {
                Report(context, argument.Value.Syntax, $"The {(argument.Parameter.Name == "name" ? "step" : "signal")} name {Quote(value as string)}",
                    "is blank, and a durable action rejects it at run time; give each step a name that says what it does");
            }
        }

        if (ReplayScope.Find(invocation, symbols).Step is { } step)
        {
            Report(context, invocation.Syntax, $"'{method.Name}' inside the work of step {StepName(step)}",
                "runs only when that step's work runs, and a replay skips the work: every later step would meet a journal entry of another call. Call it before or after the step");
        }
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, DoSymbols symbols)
    {
        var operation = context.Operation;
        var replay = ReplayScope.Find(operation, symbols);
        if (replay.Step is not { } step)
        {
            return;
        }

        var work = WorkOf(step);
        foreach (var target in Targets(operation))
        {
            var name = target switch
            {
                ILocalReferenceOperation local when DeclaredOutside(local.Local, work) => local.Local.Name,
                IParameterReferenceOperation parameter when DeclaredOutside(parameter.Parameter, work) => parameter.Parameter.Name,
                IPropertyReferenceOperation { Instance: IInstanceReferenceOperation } property => property.Property.Name,
                IFieldReferenceOperation { Instance: IInstanceReferenceOperation } field => field.Field.Name,
                _ => null,
            };
            if (name is not null)
            {
                Report(context, target.Syntax, $"'{name}' is assigned inside the work of step {StepName(step)}",
                    "a replay returns the step's journaled result without running its work, so the assignment is lost. Return the value from the step and assign it outside");
            }
        }
    }

    private static IEnumerable<IOperation> Targets(IOperation operation)
    {
        switch (operation)
        {
            case IDeconstructionAssignmentOperation deconstruction:
                var pending = new Stack<IOperation>();
                pending.Push(deconstruction.Target);
                while (pending.Count > 0)
                {
                    var current = pending.Pop();
                    if (current is ITupleOperation tuple)
                    {
                        foreach (var element in tuple.Elements)
                        {
                            pending.Push(element);
                        }
                    }
                    else
                    {
                        yield return current;
                    }
                }

                break;
            case IAssignmentOperation assignment:
                yield return assignment.Target;
                break;
            case IIncrementOrDecrementOperation increment:
                yield return increment.Target;
                break;
        }
    }

    private static SyntaxNode WorkOf(IInvocationOperation step)
    {
        foreach (var argument in step.Arguments)
        {
            if (argument.Parameter?.Name == "work")
            {
                return argument.Value.Syntax;
            }
        }

        return step.Syntax;
    }

    private static bool DeclaredOutside(ISymbol symbol, SyntaxNode work)
    {
        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == work.SyntaxTree && work.Span.Contains(reference.Span))
            {
                return false;
            }
        }

        return true;
    }

    private static string StepName(IInvocationOperation step)
    {
        foreach (var argument in step.Arguments)
        {
            if (argument.Parameter?.Name == "name")
            {
                return argument.Value.ConstantValue is { HasValue: true, Value: string text } ? Quote(text) : argument.Value.Syntax.ToString();
            }
        }

        return "?";
    }

    private static string Quote(string? text) => text is null ? "null" : "\"" + text + "\"";

    private static void Report(OperationAnalysisContext context, SyntaxNode node, string what, string why) =>
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.StepBreaksReplay, node.GetLocation(), what, why));
}
