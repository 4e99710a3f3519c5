using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;

namespace Do.Sdk.Analyzers;

internal enum ScopeKind
{
    None,
    Verb,
    Handler,
    Configure,
}

/// <summary>
/// Where an operation runs, seen from the Do.Sdk host: inside a verb, inside a handler (a method,
/// local function or lambda with a <c>Do.Context</c> parameter), inside <c>Configure</c>, or none
/// of these. Found by walking up the operation tree, so nested lambdas inherit the verb or handler
/// they are written in.
/// </summary>
internal readonly struct ExecutionScope
{
    private ExecutionScope(
        ScopeKind kind,
        ISymbol? member,
        IParameterSymbol? contextParameter,
        bool innermostFunctionIsAsync,
        bool insideLock,
        bool insideNameOf)
    {
        Kind = kind;
        Member = member;
        ContextParameter = contextParameter;
        InnermostFunctionIsAsync = innermostFunctionIsAsync;
        InsideLock = insideLock;
        InsideNameOf = insideNameOf;
    }

    public ScopeKind Kind { get; }

    /// <summary>The verb or Configure method, when <see cref="Kind"/> names one.</summary>
    public ISymbol? Member { get; }

    /// <summary>The nearest <c>Do.Context</c> parameter the operation can use, or null.</summary>
    public IParameterSymbol? ContextParameter { get; }

    /// <summary>Whether the function the operation is directly in may contain <c>await</c>.</summary>
    public bool InnermostFunctionIsAsync { get; }

    /// <summary>Inside a <c>lock</c> of the innermost function, where <c>await</c> is not allowed.</summary>
    public bool InsideLock { get; }

    /// <summary>Inside <c>nameof(...)</c>, where nothing runs.</summary>
    public bool InsideNameOf { get; }

    /// <summary>Escaped name of <see cref="ContextParameter"/>, usable as an identifier in source.</summary>
    public string? ContextName =>
        ContextParameter is null
            ? null
            : SyntaxFacts.GetKeywordKind(ContextParameter.Name) != SyntaxKind.None
                ? "@" + ContextParameter.Name
                : ContextParameter.Name;

    public string Describe() => Kind switch
    {
        ScopeKind.Verb => $"verb '{Member!.ContainingType.Name}.{Member.Name}'",
        ScopeKind.Configure => $"'{Member!.ContainingType.Name}.Configure'",
        ScopeKind.Handler => "a handler",
        _ => "this durable object",
    };

    public static ExecutionScope Find(IOperation operation, ISymbol containingSymbol, DoSymbols symbols)
    {
        var kind = ScopeKind.None;
        ISymbol? member = null;
        IParameterSymbol? contextParameter = null;
        IMethodSymbol? innermost = null;
        var insideLock = false;
        var insideNameOf = false;

        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            insideNameOf |= current is INameOfOperation;
            insideLock |= innermost is null && current is ILockOperation;

            var function = current switch
            {
                IAnonymousFunctionOperation lambda => lambda.Symbol,
                ILocalFunctionOperation local => local.Symbol,
                _ => null,
            };
            if (function is null)
            {
                continue;
            }

            innermost ??= function;
            var parameter = symbols.FindContextParameter(function);
            if (parameter is not null)
            {
                contextParameter ??= parameter;
                kind = kind == ScopeKind.None ? ScopeKind.Handler : kind;
            }
        }

        if (containingSymbol is IMethodSymbol method)
        {
            innermost ??= method;
            contextParameter ??= symbols.FindContextParameter(method);
            if (kind == ScopeKind.None)
            {
                if (symbols.IsVerb(method))
                {
                    kind = ScopeKind.Verb;
                    member = method;
                }
                else if (symbols.IsConfigureOverride(method))
                {
                    kind = ScopeKind.Configure;
                    member = method;
                }
                else if (contextParameter is not null)
                {
                    // A method that takes a Context is a handler passed by name (method group).
                    kind = ScopeKind.Handler;
                }
            }
        }

        return new ExecutionScope(kind, member, contextParameter, innermost?.IsAsync == true, insideLock, insideNameOf);
    }
}
