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

    private DoSymbols(
        INamedTypeSymbol? nounAttribute,
        INamedTypeSymbol? verbAttribute,
        INamedTypeSymbol? durableObject,
        INamedTypeSymbol? context,
        INamedTypeSymbol? every)
    {
        NounAttribute = nounAttribute;
        VerbAttribute = verbAttribute;
        DurableObject = durableObject;
        Context = context;
        Every = every;
    }

    public INamedTypeSymbol? NounAttribute { get; }

    public INamedTypeSymbol? VerbAttribute { get; }

    public INamedTypeSymbol? DurableObject { get; }

    public INamedTypeSymbol? Context { get; }

    public INamedTypeSymbol? Every { get; }

    public static bool TryCreate(Compilation compilation, out DoSymbols symbols)
    {
        symbols = new DoSymbols(
            compilation.GetTypeByMetadataName(NounAttributeName),
            compilation.GetTypeByMetadataName(VerbAttributeName),
            compilation.GetTypeByMetadataName(DurableObjectName),
            compilation.GetTypeByMetadataName(ContextName),
            compilation.GetTypeByMetadataName(EveryName));
        return symbols.NounAttribute is not null
            || symbols.VerbAttribute is not null
            || symbols.DurableObject is not null
            || symbols.Context is not null;
    }

    public bool IsVerb(ISymbol symbol) =>
        symbol is IMethodSymbol && HasAttribute(symbol, VerbAttribute);

    public bool IsNoun(INamedTypeSymbol type) => HasAttribute(type, NounAttribute);

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

    private static bool HasAttribute(ISymbol symbol, INamedTypeSymbol? attribute)
    {
        if (attribute is null)
        {
            return false;
        }

        foreach (var data in symbol.GetAttributes())
        {
            for (var type = data.AttributeClass; type is not null; type = type.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(type, attribute))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
