using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Do.Sdk.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Do.Sdk.Analyzers;

/// <summary>
/// DO0010: a verb's name is a member of the client the generator puts it on (<c>ThingRef&lt;Noun&gt;</c> or
/// <c>ObjectClient&lt;Object&gt;</c>), which hides the generated extension method, or a name the generator skips
/// (<see cref="TypeSupport.IsReservedVerbName"/>, shared with the generator).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class VerbNameAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.VerbNameTaken);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (DoSymbols.TryCreate(start.Compilation, out var symbols) && symbols.VerbAttribute is not null)
            {
                // Read from the runtime the project references, so the check follows the runtime's members.
                var thingRef = InstanceMemberNames(symbols.ThingRef);
                var objectClient = InstanceMemberNames(symbols.ObjectClient);
                start.RegisterSymbolAction(c => Analyze(c, symbols, thingRef, objectClient), SymbolKind.Method);
            }
        });
    }

    private static void Analyze(SymbolAnalysisContext context, DoSymbols symbols, HashSet<string> thingRef, HashSet<string> objectClient)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (method.MethodKind != MethodKind.Ordinary || !symbols.IsVerb(method) || method.Locations.IsEmpty)
        {
            return;
        }

        var type = method.ContainingType;
        bool isNoun = symbols.IsGeneratedNoun(type);
        if (!isNoun && !(type.TypeKind == TypeKind.Class && symbols.IsDurableObject(type)))
        {
            return;
        }

        var client = isNoun ? $"ThingRef<{type.Name}>" : $"ObjectClient<{type.Name}>";
        string problem;
        if (TypeSupport.IsReservedVerbName(method.Name))
        {
            problem = $"the generated '{type.Name}Verbs' class has its own member named '{method.Name}', so the generator skips the verb";
        }
        else if ((isNoun ? thingRef : objectClient).Contains(method.Name))
        {
            problem = $"'{client}' has its own member named '{method.Name}', which hides the generated '{method.Name}' extension method";
        }
        else
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(Descriptors.VerbNameTaken, method.Locations[0], $"{type.Name}.{method.Name}", problem));
    }

    /// <summary>The names of the public instance members of <paramref name="type"/> and its base types, constructors excluded.</summary>
    private static HashSet<string> InstanceMemberNames(INamedTypeSymbol? type)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member is { IsStatic: false, DeclaredAccessibility: Accessibility.Public, CanBeReferencedByName: true }
                    && member is not IMethodSymbol { MethodKind: not MethodKind.Ordinary })
                {
                    names.Add(member.Name);
                }
            }
        }

        return names;
    }
}
