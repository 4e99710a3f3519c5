using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Do.Sdk.Analyzers;

/// <summary>
/// Where an operation stands in a durable action that replays (docs/durable-steps.md): the action runs again from the
/// top after a wait, a retry or a crash, and every journaled call (<c>ctx.Step</c>, <c>Sleep</c>, <c>WaitFor</c>,
/// <c>Ai</c>, ...) returns its recorded result. The body is the nearest function with a <c>Do.Context</c> parameter
/// (a verb, a <c>ctx.Define</c> action, a handler); it is durable when it makes a journaled call. Code inside a
/// step's work runs once per action and is not part of the replay.
/// </summary>
internal readonly struct ReplayScope
{
    private ReplayScope(IOperation? body, IInvocationOperation? step)
    {
        Body = body;
        Step = step;
    }

    /// <summary>The body's operation (a method body, lambda or local function), or null when there is none.</summary>
    public IOperation? Body { get; }

    /// <summary>The <c>ctx.Step</c> call whose work the operation is in, or null.</summary>
    public IInvocationOperation? Step { get; }

    public bool InsideStep => Step is not null;

    public static ReplayScope Find(IOperation operation, DoSymbols symbols)
    {
        IOperation? previous = operation;
        for (var current = operation.Parent; current is not null; previous = current, current = current.Parent)
        {
            var function = current switch
            {
                IAnonymousFunctionOperation lambda => lambda.Symbol,
                ILocalFunctionOperation local => local.Symbol,
                _ => null,
            };
            if (function is null)
            {
                if (current.Parent is null)
                {
                    return new ReplayScope(current, null);
                }

                continue;
            }

            if (StepOf(current, symbols) is { } step)
            {
                return new ReplayScope(null, step);
            }

            if (symbols.FindContextParameter(function) is not null)
            {
                return new ReplayScope(current, null);
            }
        }

        return new ReplayScope(previous, null);
    }

    /// <summary>
    /// True when the operation runs again on a replay and a journaled call of the durable body may run after it: a
    /// value it reads can then differ between the run that journaled those calls and the replay that returns them.
    /// </summary>
    public bool PrecedesJournaledCall(IOperation operation, DoSymbols symbols)
    {
        if (Body is null || InsideStep)
        {
            return false;
        }

        var start = operation.Syntax.SpanStart;
        foreach (var call in JournaledCalls(Body, symbols))
        {
            if (call.Syntax.Span.End > start || ShareLoop(operation, call))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the body makes a journaled call, which makes it a durable action that replays.</summary>
    public bool IsDurable(DoSymbols symbols)
    {
        if (Body is null)
        {
            return false;
        }

        foreach (var _ in JournaledCalls(Body, symbols))
        {
            return true;
        }

        return false;
    }

    /// <summary>The journaled calls of <paramref name="body"/>, leaving out nested handlers (they have their own context).</summary>
    private static IEnumerable<IInvocationOperation> JournaledCalls(IOperation body, DoSymbols symbols)
    {
        var pending = new Stack<IOperation>();
        pending.Push(body);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (current is IInvocationOperation invocation && symbols.IsJournaledCall(invocation.TargetMethod))
            {
                yield return invocation;
            }

            foreach (var child in current.ChildOperations)
            {
                var function = child switch
                {
                    IAnonymousFunctionOperation lambda => lambda.Symbol,
                    ILocalFunctionOperation local => local.Symbol,
                    _ => null,
                };
                if (function is null || symbols.FindContextParameter(function) is null)
                {
                    pending.Push(child);
                }
            }
        }
    }

    /// <summary>
    /// True inside the duration of <c>ctx.Sleep</c> or the timeout of <c>ctx.WaitFor</c>: a replay finds the wait
    /// journaled and ignores them, so they may read the clock.
    /// </summary>
    public bool InsideWaitLength(IOperation operation, DoSymbols symbols)
    {
        for (var current = operation.Parent; current is not null && current != Body; current = current.Parent)
        {
            if (current is IArgumentOperation { Parameter.Name: "duration" or "timeout", Parent: IInvocationOperation invocation }
                && symbols.IsJournaledCall(invocation.TargetMethod))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The <c>ctx.Step</c> invocation whose work argument is <paramref name="function"/>, or null.</summary>
    public static IInvocationOperation? StepOf(IOperation function, DoSymbols symbols)
    {
        var argument = function.Parent;
        while (argument is IDelegateCreationOperation or IConversionOperation)
        {
            argument = argument.Parent;
        }

        return argument is IArgumentOperation { Parent: IInvocationOperation invocation } arg
            && arg.Parameter?.Name == "work"
            && symbols.IsStep(invocation.TargetMethod)
                ? invocation
                : null;
    }

    private bool ShareLoop(IOperation operation, IOperation call)
    {
        for (var current = operation.Parent; current is not null && current != Body; current = current.Parent)
        {
            if (current is ILoopOperation loop && call.Syntax.SpanStart >= loop.Syntax.SpanStart && call.Syntax.Span.End <= loop.Syntax.Span.End)
            {
                return true;
            }
        }

        return false;
    }
}
