using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Do.Sdk.Generators.Model;
using Do.Sdk.Generators.Naming;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Do.Sdk.Analyzers;

/// <summary>
/// DO0004: two [Noun]s share a name or a plural (ignoring case), or two [Indexed] properties share an SQLite index name
/// (<c>ix_{Noun}_{Property}</c>, ignoring case), or two verbs of one noun or durable object raise the same event, or a
/// noun's verb raises one of its built-in events. Names, plurals and events are computed with
/// the generator's own rules (<see cref="English"/>, <see cref="Identifiers"/>, linked from the generator project).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DuplicateNameAnalyzer : DiagnosticAnalyzer
{
    private const string NounAdvice = "a noun's name and plural name its SQL view and its ctx accessors, so they must differ ignoring case; rename one class or set [Noun(Plural = ...)]";
    private const string VerbAdvice = "every verb needs its own event; rename one method or set [Verb(Event = ...)]";
    private const string IndexAdvice = "each [Indexed] property needs an SQLite index of its own, named ix_{Noun}_{Property} and compared ignoring case, or one of them silently has none; rename one property or noun";
    private const string BuiltInAdvice = "a verb's event must differ from the events every noun has; rename the method or set [Verb(Event = ...)]";

    // The members of every generated {Noun}Events struct, with what they stand for.
    private static readonly (string Member, string Description)[] BuiltInEvents =
    [
        ("Created", "the built-in 'created' event of every noun"),
        ("Updated", "the built-in 'updated' event of every noun"),
        ("Deleted", "the built-in 'deleted' event of every noun"),
        ("Any", "the 'Any' handler for all events of every noun"),
    ];

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.DuplicateName);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (!DoSymbols.TryCreate(start.Compilation, out var symbols) || symbols.NounAttribute is null)
            {
                return;
            }

            // Each noun compares itself with all the others and reports on itself, so no compilation-end action is
            // needed and the diagnostic shows up while typing. The list is built once per compilation.
            var compilation = start.Compilation;
            var nouns = new Lazy<ImmutableArray<NounNames>>(() => CollectNouns(compilation, symbols), LazyThreadSafetyMode.ExecutionAndPublication);
            start.RegisterSymbolAction(c => Analyze(c, symbols, nouns), SymbolKind.NamedType);
        });
    }

    private static void Analyze(SymbolAnalysisContext context, DoSymbols symbols, Lazy<ImmutableArray<NounNames>> nouns)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        bool isNoun = symbols.IsGeneratedNoun(type);
        if (isNoun)
        {
            AnalyzeNoun(context, symbols, type, nouns.Value);
        }

        if (isNoun || (type.TypeKind == TypeKind.Class && symbols.IsDurableObject(type)))
        {
            AnalyzeEvents(context, symbols, type, isNoun);
        }
    }

    private static void AnalyzeNoun(SymbolAnalysisContext context, DoSymbols symbols, INamedTypeSymbol type, ImmutableArray<NounNames> nouns)
    {
        var self = NounNames.Of(type, symbols);
        foreach (var other in nouns)
        {
            if (SymbolEqualityComparer.Default.Equals(other.Type, type) || self.FindCollision(other) is not { } collision)
            {
                continue;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.DuplicateName,
                NounLocation(type, symbols, context.CancellationToken),
                $"The {collision.OwnRole} of noun '{Display(type)}'",
                $"the {collision.OtherRole} of noun '{Display(other.Type)}'",
                collision.Name,
                NounAdvice));
        }

        AnalyzeIndexes(context, self, nouns);
    }

    /// <summary>
    /// Each [Indexed] property of the noun against every other one of the project's, its own noun's included. Nouns whose
    /// names collide are reported above and skipped here: all their indexes would collide too.
    /// </summary>
    private static void AnalyzeIndexes(SymbolAnalysisContext context, NounNames self, ImmutableArray<NounNames> nouns)
    {
        foreach (var (property, index) in self.Indexes)
        {
            foreach (var other in nouns)
            {
                bool sameNoun = SymbolEqualityComparer.Default.Equals(other.Type, self.Type);
                if (!sameNoun && NounNames.Same(self.Name, other.Name))
                {
                    continue;
                }

                foreach (var (otherProperty, otherIndex) in other.Indexes)
                {
                    if (!SymbolEqualityComparer.Default.Equals(property, otherProperty) && NounNames.Same(index, otherIndex))
                    {
                        context.ReportDiagnostic(Diagnostic.Create(
                            Descriptors.DuplicateName,
                            property.Locations.IsEmpty ? Location.None : property.Locations[0],
                            $"The index of [Indexed] property '{self.Type.Name}.{property.Name}'",
                            $"the index of [Indexed] property '{other.Type.Name}.{otherProperty.Name}'",
                            index,
                            IndexAdvice));
                    }
                }
            }
        }
    }

    private static void AnalyzeEvents(SymbolAnalysisContext context, DoSymbols symbols, INamedTypeSymbol type, bool isNoun)
    {
        var verbs = new List<(IMethodSymbol Method, string Event)>();
        foreach (var member in type.GetMembers())
        {
            if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary } method
                && symbols.FindVerbAttribute(method) is { } attribute
                && EventName(method, attribute) is { Length: > 0 } eventName)
            {
                verbs.Add((method, eventName));
            }
        }

        foreach (var (method, eventName) in verbs)
        {
            var subject = $"The event of verb '{type.Name}.{method.Name}'";
            var location = method.Locations.IsEmpty ? Location.None : method.Locations[0];
            foreach (var (other, otherEvent) in verbs)
            {
                if (!SymbolEqualityComparer.Default.Equals(method, other) && string.Equals(eventName, otherEvent, StringComparison.Ordinal))
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.DuplicateName, location, subject, $"the event of verb '{type.Name}.{other.Name}'", eventName, VerbAdvice));
                }
            }

            if (!isNoun)
            {
                continue;
            }

            foreach (var (builtIn, description) in BuiltInEvents)
            {
                // The generator names the handler after the event and keeps the first member of each name.
                if (string.Equals(Identifiers.ToPascalCase(eventName), builtIn, StringComparison.Ordinal))
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.DuplicateName, location, subject, description, eventName, BuiltInAdvice));
                }
            }
        }
    }

    /// <summary>The event name exactly as the generator derives it: lower camel case, letters and digits only.</summary>
    private static string EventName(IMethodSymbol method, AttributeData attribute)
    {
        string? declared = null;
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == "Event" && argument.Value.Value is string value)
            {
                declared = value;
            }
        }

        return Identifiers.LowerFirst(Identifiers.Sanitize(string.IsNullOrWhiteSpace(declared) ? English.PastTense(method.Name) : declared!));
    }

    private static ImmutableArray<NounNames> CollectNouns(Compilation compilation, DoSymbols symbols)
    {
        var nouns = ImmutableArray.CreateBuilder<NounNames>();
        var pending = new Stack<INamespaceOrTypeSymbol>();
        pending.Push(compilation.Assembly.GlobalNamespace);
        while (pending.Count > 0)
        {
            foreach (var member in pending.Pop().GetMembers())
            {
                if (member is INamespaceOrTypeSymbol container)
                {
                    pending.Push(container);
                }

                if (member is INamedTypeSymbol type && symbols.IsGeneratedNoun(type))
                {
                    nouns.Add(NounNames.Of(type, symbols));
                }
            }
        }

        return nouns.ToImmutable();
    }

    private static string Display(INamedTypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);

    private static Location NounLocation(INamedTypeSymbol noun, DoSymbols symbols, CancellationToken cancellationToken)
    {
        if (symbols.FindNounAttribute(noun)?.ApplicationSyntaxReference?.GetSyntax(cancellationToken).FirstAncestorOrSelf<TypeDeclarationSyntax>() is { } declaration)
        {
            return declaration.Identifier.GetLocation();
        }

        return noun.Locations.IsEmpty ? Location.None : noun.Locations[0];
    }

    private sealed class NounNames(INamedTypeSymbol type, string name, string plural, bool pluralIsDeclared, ImmutableArray<(IPropertySymbol Property, string Index)> indexes)
    {
        public INamedTypeSymbol Type { get; } = type;

        /// <summary>The noun's [Indexed] properties (its own and inherited) with the names of their indexes, as the generator emits them.</summary>
        public ImmutableArray<(IPropertySymbol Property, string Index)> Indexes { get; } = indexes;

        public string Name { get; } = name;

        public string Plural { get; } = plural;

        public bool PluralIsDeclared { get; } = pluralIsDeclared;

        /// <summary>The noun name and plural exactly as the generator derives them.</summary>
        public static NounNames Of(INamedTypeSymbol type, DoSymbols symbols)
        {
            string? declared = null;
            if (symbols.FindNounAttribute(type) is { } attribute)
            {
                foreach (var argument in attribute.NamedArguments)
                {
                    if (argument.Key == "Plural" && argument.Value.Value is string value)
                    {
                        declared = value;
                    }
                }
            }

            bool isDeclared = !string.IsNullOrWhiteSpace(declared);
            return new NounNames(type, type.Name, isDeclared ? Identifiers.Sanitize(declared!) : English.Pluralize(type.Name), isDeclared, IndexesOf(type));
        }

        /// <summary>The serialized properties marked [Indexed], with the index name the generator gives them (<see cref="TypeSupport.IndexName"/>).</summary>
        private static ImmutableArray<(IPropertySymbol Property, string Index)> IndexesOf(INamedTypeSymbol type)
        {
            if (TypeSupport.GetObjectShape(type, out var members, out _) == ObjectConstruction.Unsupported)
            {
                return ImmutableArray<(IPropertySymbol, string)>.Empty;
            }

            var indexes = ImmutableArray.CreateBuilder<(IPropertySymbol, string)>();
            foreach (var member in members)
            {
                if (TypeSupport.HasAttribute(member.Property, TypeSupport.IndexedAttributeName))
                {
                    indexes.Add((member.Property, TypeSupport.IndexName(type.Name, member.Property.Name)));
                }
            }

            return indexes.ToImmutable();
        }

        /// <summary>The first name this noun shares with <paramref name="other"/>, ignoring case: name first, then plural.</summary>
        public Collision? FindCollision(NounNames other)
        {
            if (Same(Name, other.Name))
            {
                return new Collision(Name, "name", "name");
            }

            if (Same(Plural, other.Plural))
            {
                return new Collision(Plural, PluralRole, other.PluralRole);
            }

            if (Same(Name, other.Plural))
            {
                return new Collision(Name, "name", other.PluralRole);
            }

            return Same(Plural, other.Name) ? new Collision(Plural, PluralRole, "name") : null;
        }

        private string PluralRole => PluralIsDeclared ? "declared plural" : "plural";

        /// <summary>Whether two names are one to SQLite, which compares identifiers ignoring case.</summary>
        public static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
    }

    private sealed class Collision(string name, string ownRole, string otherRole)
    {
        public string Name { get; } = name;

        public string OwnRole { get; } = ownRole;

        public string OtherRole { get; } = otherRole;
    }
}
