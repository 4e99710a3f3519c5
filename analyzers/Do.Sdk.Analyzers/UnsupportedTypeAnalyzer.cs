using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Do.Sdk.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Do.Sdk.Analyzers;

/// <summary>
/// DO0003: a stored property of a [Noun], or a verb parameter, has a type the generated serializer cannot store.
/// The rules are the generator's own (<see cref="TypeSupport"/>, linked from the generator project).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnsupportedTypeAnalyzer : DiagnosticAnalyzer
{
    private static readonly SymbolDisplayFormat Format = SymbolDisplayFormat.MinimallyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.UnsupportedType);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (DoSymbols.TryCreate(start.Compilation, out var symbols))
            {
                start.RegisterSymbolAction(c => Analyze(c, symbols), SymbolKind.NamedType);
            }
        });
    }

    private static void Analyze(SymbolAnalysisContext context, DoSymbols symbols)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        bool isNoun = symbols.IsGeneratedNoun(type);
        if (!isNoun && !(type.TypeKind == TypeKind.Class && symbols.IsDurableObject(type)))
        {
            return;
        }

        if (isNoun)
        {
            AnalyzeProperties(context, type, symbols);
        }

        foreach (var member in type.GetMembers())
        {
            if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary } method && symbols.IsVerb(method))
            {
                AnalyzeParameters(context, method);
            }
        }
    }

    private static void AnalyzeProperties(SymbolAnalysisContext context, INamedTypeSymbol noun, DoSymbols symbols)
    {
        // A noun the serializer cannot construct at all is not this diagnostic's business.
        if (TypeSupport.GetObjectShape(noun, out var members, out _) == ObjectConstruction.Unsupported)
        {
            return;
        }

        foreach (var member in members)
        {
            var property = member.Property;
            if (TypeSupport.IsSupported(property.Type) || ContainsError(property.Type))
            {
                continue;
            }

            var consequence = member.Setter == PropertySetter.Constructor
                ? $"the whole noun, because its constructor needs '{property.Name}'"
                : "the property";
            var owner = property.ContainingType;
            if (SymbolEqualityComparer.Default.Equals(owner, noun))
            {
                Report(context, TypeSyntaxLocation(property, context.CancellationToken), $"Property '{noun.Name}.{property.Name}'", property.Type, consequence);
            }
            else if (!symbols.IsGeneratedNoun(owner))
            {
                // Declared in a base class that is not a noun itself, so nothing else reports it.
                Report(context, NounLocation(noun, symbols, context.CancellationToken), $"Property '{owner.Name}.{property.Name}' (inherited by '{noun.Name}')", property.Type, consequence);
            }
        }
    }

    private static void AnalyzeParameters(SymbolAnalysisContext context, IMethodSymbol verb)
    {
        foreach (var parameter in verb.Parameters)
        {
            if (TypeSupport.IsContext(parameter.Type) || TypeSupport.IsCancellationToken(parameter.Type)
                || TypeSupport.IsSupported(parameter.Type) || ContainsError(parameter.Type))
            {
                continue;
            }

            Report(
                context,
                TypeSyntaxLocation(parameter, context.CancellationToken),
                $"Parameter '{parameter.Name}' of verb '{verb.ContainingType.Name}.{verb.Name}'",
                parameter.Type,
                "the verb");
        }
    }

    private static void Report(SymbolAnalysisContext context, Location location, string subject, ITypeSymbol type, string consequence) =>
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.UnsupportedType,
            location,
            subject,
            type.ToDisplayString(Format),
            Explain(type),
            consequence));

    /// <summary>Why <paramref name="type"/> is not supported, naming the part of it that is not.</summary>
    private static string Explain(ITypeSymbol type)
    {
        var kind = TypeSupport.Classify(type, out var element, out _);
        if (kind is ValueKind.Nullable or ValueKind.Collection)
        {
            return Explain(element!);
        }

        var name = $"'{type.ToDisplayString(Format)}'";
        if (kind == ValueKind.Object)
        {
            var named = (INamedTypeSymbol)type;
            if (!TypeSupport.IsReachable(named, out _))
            {
                return $"{name} is not public or internal (or is nested in a generic type), so generated code cannot name it";
            }

            if (TypeSupport.GetObjectShape(named, out var members, out _) == ObjectConstruction.Unsupported)
            {
                return $"{name} has neither a parameterless constructor nor a constructor whose parameters all match its properties";
            }

            foreach (var member in members)
            {
                if (member.Setter == PropertySetter.Constructor && !TypeSupport.IsSupported(member.Property.Type))
                {
                    return $"{name} takes '{member.Property.Name}' in its constructor, and {Explain(member.Property.Type)}";
                }
            }

            return $"{name} is not supported";
        }

        if (type is IArrayTypeSymbol)
        {
            return "only one-dimensional arrays are supported";
        }

        if (type.SpecialType == SpecialType.System_Object || type.TypeKind == TypeKind.Dynamic)
        {
            return $"{name} can hold any type, so a stored value could not be read back";
        }

        if (type.TypeKind == TypeKind.Delegate)
        {
            return $"{name} is a delegate, which is code, not data";
        }

        if (type is not INamedTypeSymbol namedType)
        {
            return $"{name} is not a supported type";
        }

        if (IsDictionary(namedType))
        {
            return $"{name} is a dictionary; store a list of records instead";
        }

        if (type.TypeKind == TypeKind.Interface)
        {
            return $"{name} is an interface, so the serializer cannot know which type to create (of the interfaces, only IList<T>, ICollection<T>, IReadOnlyList<T>, IReadOnlyCollection<T> and IEnumerable<T> are supported)";
        }

        if (TypeSupport.IsNoun(namedType))
        {
            return $"{name} is a [Noun] but not a concrete class";
        }

        if (TypeSupport.IsDurableObject(namedType))
        {
            return $"{name} is a durable object, not a value";
        }

        if (namedType.IsGenericType)
        {
            return $"{name} is generic, and of the generic types only List<T>, Nullable<T> and the collection interfaces are supported";
        }

        if (namedType.IsAbstract || namedType.IsStatic)
        {
            return $"{name} is {(namedType.IsStatic ? "static" : "abstract")}, so no instance of it can be created";
        }

        return namedType.Locations.Any(l => l.IsInSource)
            ? $"{name} is not supported"
            : $"{name} is declared outside this project, so no serializer is generated for it";
    }

    private static bool IsDictionary(INamedTypeSymbol type)
    {
        foreach (var candidate in type.AllInterfaces.Add(type))
        {
            if (TypeSupport.MetadataName(candidate.OriginalDefinition) is "System.Collections.Generic.IDictionary`2"
                or "System.Collections.Generic.IReadOnlyDictionary`2" or "System.Collections.IDictionary")
            {
                return true;
            }
        }

        return false;
    }

    // Half-typed code already has a compiler error, and a type parameter means a generic verb (DO0002); a second
    // diagnostic about the same type adds nothing.
    private static bool ContainsError(ITypeSymbol type) => type switch
    {
        { TypeKind: TypeKind.Error or TypeKind.TypeParameter } => true,
        IArrayTypeSymbol array => ContainsError(array.ElementType),
        INamedTypeSymbol named => named.TypeArguments.Any(ContainsError),
        _ => false,
    };

    private static Location TypeSyntaxLocation(ISymbol symbol, CancellationToken cancellationToken)
    {
        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            var type = reference.GetSyntax(cancellationToken) switch
            {
                PropertyDeclarationSyntax property => property.Type,
                ParameterSyntax parameter => parameter.Type, // a verb parameter, or a positional record's property
                _ => null,
            };
            if (type is not null)
            {
                return type.GetLocation();
            }
        }

        return symbol.Locations.IsEmpty ? Location.None : symbol.Locations[0];
    }

    private static Location NounLocation(INamedTypeSymbol noun, DoSymbols symbols, CancellationToken cancellationToken)
    {
        if (symbols.FindNounAttribute(noun)?.ApplicationSyntaxReference?.GetSyntax(cancellationToken).FirstAncestorOrSelf<TypeDeclarationSyntax>() is { } declaration)
        {
            return declaration.Identifier.GetLocation();
        }

        return noun.Locations.IsEmpty ? Location.None : noun.Locations[0];
    }
}
