using Microsoft.CodeAnalysis;

namespace Do.Sdk.Analyzers;

/// <summary>
/// The Do.Sdk runtime types an analyzer looks for, found by metadata name so the analyzers never
/// reference the runtime assembly. <see cref="TryCreate"/> fails when the project does not use Do.Sdk.
/// </summary>
internal sealed class DoSymbols
{
    public const string NounAttributeName = "Do.NounAttribute";
    public const string VerbAttributeName = "Do.VerbAttribute";
    public const string DurableObjectName = "Do.DurableObject";
    public const string ContextName = "Do.Context";
    public const string EveryName = "Do.Every";
    public const string ThingRefName = "Do.ThingRef`1";
    public const string ObjectClientName = "Do.ObjectClient`1";

    private DoSymbols(
        INamedTypeSymbol? nounAttribute,
        INamedTypeSymbol? verbAttribute,
        INamedTypeSymbol? durableObject,
        INamedTypeSymbol? context,
        INamedTypeSymbol? every,
        INamedTypeSymbol? thingRef,
        INamedTypeSymbol? objectClient)
    {
        NounAttribute = nounAttribute;
        VerbAttribute = verbAttribute;
        DurableObject = durableObject;
        Context = context;
        Every = every;
        ThingRef = thingRef;
        ObjectClient = objectClient;
    }

    public INamedTypeSymbol? NounAttribute { get; }

    public INamedTypeSymbol? VerbAttribute { get; }

    public INamedTypeSymbol? DurableObject { get; }

    public INamedTypeSymbol? Context { get; }

    public INamedTypeSymbol? Every { get; }

    /// <summary><c>Do.ThingRef&lt;T&gt;</c>: the generated noun verbs are extension methods on it.</summary>
    public INamedTypeSymbol? ThingRef { get; }

    /// <summary><c>Do.ObjectClient&lt;T&gt;</c>: the generated object-level verbs are extension methods on it.</summary>
    public INamedTypeSymbol? ObjectClient { get; }

    public static bool TryCreate(Compilation compilation, out DoSymbols symbols)
    {
        symbols = new DoSymbols(
            compilation.GetTypeByMetadataName(NounAttributeName),
            compilation.GetTypeByMetadataName(VerbAttributeName),
            compilation.GetTypeByMetadataName(DurableObjectName),
            compilation.GetTypeByMetadataName(ContextName),
            compilation.GetTypeByMetadataName(EveryName),
            compilation.GetTypeByMetadataName(ThingRefName),
            compilation.GetTypeByMetadataName(ObjectClientName));
        return symbols.NounAttribute is not null
            || symbols.VerbAttribute is not null
            || symbols.DurableObject is not null
            || symbols.Context is not null;
    }

    public bool IsVerb(ISymbol symbol) =>
        symbol is IMethodSymbol && HasAttribute(symbol, VerbAttribute);

    public bool IsNoun(INamedTypeSymbol type) => HasAttribute(type, NounAttribute);

    /// <summary>
    /// True for a <c>[Noun]</c> the generator can generate code for: a non-generic, non-static, non-abstract class
    /// (or record class). Whether it is partial is DO0001's business.
    /// </summary>
    public bool IsGeneratedNoun(INamedTypeSymbol type) =>
        type is { TypeKind: TypeKind.Class, IsStatic: false, IsAbstract: false, IsGenericType: false } && IsNoun(type);

    /// <summary>The <c>[Noun]</c> attribute on <paramref name="type"/>, or null.</summary>
    public AttributeData? FindNounAttribute(INamedTypeSymbol type) => FindAttribute(type, NounAttribute);

    /// <summary>The <c>[Verb]</c> attribute on <paramref name="symbol"/>, or null.</summary>
    public AttributeData? FindVerbAttribute(ISymbol symbol) => FindAttribute(symbol, VerbAttribute);

    /// <summary>True for classes deriving, directly or not, from <c>Do.DurableObject</c> (but not for it).</summary>
    public bool IsDurableObject(INamedTypeSymbol? type)
    {
        if (DurableObject is null || type is null)
        {
            return false;
        }

        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, DurableObject))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the type or one of the types it is nested in is a durable object.</summary>
    public bool IsInsideDurableObject(ISymbol symbol)
    {
        for (var type = symbol as INamedTypeSymbol ?? symbol.ContainingType; type is not null; type = type.ContainingType)
        {
            if (IsDurableObject(type))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True for <c>Configure(Context)</c> overriding <c>DurableObject.Configure</c>.</summary>
    public bool IsConfigureOverride(IMethodSymbol method)
    {
        for (var current = method.OverriddenMethod; current is not null; current = current.OverriddenMethod)
        {
            if (SymbolEqualityComparer.Default.Equals(current.ContainingType, DurableObject))
            {
                return current.Name == "Configure";
            }
        }

        return false;
    }

    /// <summary>
    /// True for the <c>Context</c> methods a durable action journals, each taking a position in its journal:
    /// <c>Step</c>, <c>Sleep</c>, <c>WaitFor</c> and the AI primitives <c>Ai</c>, <c>Is</c>, <c>Decide</c>, <c>Generate</c>.
    /// </summary>
    public bool IsJournaledCall(IMethodSymbol method) =>
        IsContext(method.ContainingType)
        && method.Name is "Step" or "Sleep" or "WaitFor" or "Ai" or "Is" or "Decide" or "Generate";

    /// <summary>True for <c>Context.Step</c>, whose work runs once per action and is skipped on a replay.</summary>
    public bool IsStep(IMethodSymbol method) => method.Name == "Step" && IsContext(method.ContainingType);

    public bool IsContext(ITypeSymbol? type) =>
        Context is not null && SymbolEqualityComparer.Default.Equals(type, Context);

    /// <summary>The first parameter of type <c>Do.Context</c>, or null.</summary>
    public IParameterSymbol? FindContextParameter(IMethodSymbol method)
    {
        foreach (var parameter in method.Parameters)
        {
            if (IsContext(parameter.Type))
            {
                return parameter;
            }
        }

        return null;
    }

    private static bool HasAttribute(ISymbol symbol, INamedTypeSymbol? attribute) => FindAttribute(symbol, attribute) is not null;

    private static AttributeData? FindAttribute(ISymbol symbol, INamedTypeSymbol? attribute)
    {
        if (attribute is null)
        {
            return null;
        }

        foreach (var data in symbol.GetAttributes())
        {
            for (var type = data.AttributeClass; type is not null; type = type.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(type, attribute))
                {
                    return data;
                }
            }
        }

        return null;
    }
}
