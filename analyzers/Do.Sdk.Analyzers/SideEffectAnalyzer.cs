using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Do.Sdk.Analyzers;

/// <summary>
/// DO0014: a call that reaches outside the object — <c>HttpClient</c>, <c>IChatClient.GetResponseAsync</c>,
/// <c>System.IO.File</c> — in a durable action, outside a step's work and before a later journaled call. Every replay
/// (after each wait, retry or crash) runs it again; inside <c>ctx.Step</c> it runs once per action.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SideEffectAnalyzer : DiagnosticAnalyzer
{
    private static readonly ImmutableHashSet<string> HttpMethods = ImmutableHashSet.Create(
        "GetAsync", "PostAsync", "PutAsync", "PatchAsync", "DeleteAsync", "SendAsync", "Send",
        "GetStringAsync", "GetByteArrayAsync", "GetStreamAsync");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.SideEffectOutsideStep);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var compilation = start.Compilation;
            if (!DoSymbols.TryCreate(compilation, out var symbols) || symbols.Context is null)
            {
                return;
            }

            var types = new OutsideTypes(
                compilation.GetTypeByMetadataName("System.Net.Http.HttpClient"),
                compilation.GetTypeByMetadataName("System.Net.Http.Json.HttpClientJsonExtensions"),
                compilation.GetTypeByMetadataName("Microsoft.Extensions.AI.IChatClient"),
                compilation.GetTypeByMetadataName("System.IO.File"));
            if (types.HttpClient is null && types.ChatClient is null && types.File is null)
            {
                return;
            }

            start.RegisterOperationAction(c => Analyze(c, symbols, types), OperationKind.Invocation);
        });
    }

    private static void Analyze(OperationAnalysisContext context, DoSymbols symbols, OutsideTypes types)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (Describe(invocation.TargetMethod, types) is not { } what)
        {
            return;
        }

        var scope = ExecutionScope.Find(invocation, context.ContainingSymbol, symbols);
        if (scope.Kind == ScopeKind.None || scope.InsideNameOf)
        {
            return;
        }

        var replay = ReplayScope.Find(invocation, symbols);
        if (replay.InsideStep || !replay.PrecedesJournaledCall(invocation, symbols))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.SideEffectOutsideStep,
            invocation.Syntax.GetLocation(),
            what,
            scope.Describe()));
    }

    /// <summary>How the call is named in the message, or null when it does not reach outside the object.</summary>
    private static string? Describe(IMethodSymbol method, OutsideTypes types)
    {
        var type = method.ContainingType;
        if (method.IsStatic && Is(type, types.File))
        {
            return $"File.{method.Name}()";
        }

        if (!method.IsStatic && HttpMethods.Contains(method.Name) && Derives(type, types.HttpClient))
        {
            return $"HttpClient.{method.Name}()";
        }

        if (Is(type, types.HttpJson))
        {
            return $"HttpClient.{method.Name}()";
        }

        if (types.ChatClient is not null && method.Name is "GetResponseAsync" or "GetStreamingResponseAsync")
        {
            var receiver = method.IsExtensionMethod || method.ReducedFrom is not null
                ? (method.ReducedFrom ?? method).Parameters.FirstOrDefault()?.Type
                : type;
            if (Is(receiver, types.ChatClient) || (receiver is INamedTypeSymbol named && Implements(named, types.ChatClient)))
            {
                return $"IChatClient.{method.Name}()";
            }
        }

        return null;
    }

    private static bool Is(ITypeSymbol? type, INamedTypeSymbol? expected) =>
        expected is not null && SymbolEqualityComparer.Default.Equals(type, expected);

    private static bool Derives(INamedTypeSymbol? type, INamedTypeSymbol? expected)
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

    private static bool Implements(INamedTypeSymbol type, INamedTypeSymbol expected)
    {
        foreach (var candidate in type.AllInterfaces)
        {
            if (Is(candidate, expected))
            {
                return true;
            }
        }

        return false;
    }

    private sealed class OutsideTypes(INamedTypeSymbol? httpClient, INamedTypeSymbol? httpJson, INamedTypeSymbol? chatClient, INamedTypeSymbol? file)
    {
        public INamedTypeSymbol? HttpClient { get; } = httpClient;

        public INamedTypeSymbol? HttpJson { get; } = httpJson;

        public INamedTypeSymbol? ChatClient { get; } = chatClient;

        public INamedTypeSymbol? File { get; } = file;
    }
}
