using System.Collections.Generic;
using System.Linq;
using Do.Sdk.Generators.Model;
using Do.Sdk.Generators.Naming;
using Microsoft.CodeAnalysis;

namespace Do.Sdk.Generators.Parsing;

/// <summary>
/// Turns property and parameter types into <see cref="TypeRef"/>s, collecting the nested objects and enums that
/// need serializer helpers. Returns null for a type <see cref="TypeSupport"/> does not support.
/// </summary>
internal sealed class JsonTypeCollector(Compilation? compilation = null)
{
    private readonly Dictionary<string, JsonObjectModel?> _objects = new();
    private readonly List<string> _objectOrder = [];
    private readonly Dictionary<string, EnumModel> _enums = new();
    private readonly Dictionary<string, string> _helperNames = new();
    private readonly HashSet<string> _usedHelperNames = [];

    public EquatableArray<JsonObjectModel> Objects
        => _objectOrder.Select(n => _objects[n]).Where(o => o is not null).Select(o => o!).ToEquatableArray();

    public EquatableArray<EnumModel> Enums => _enums.Values.OrderBy(e => e.Name, System.StringComparer.Ordinal).ToEquatableArray();

    public TypeRef? Describe(ITypeSymbol type)
    {
        var kind = TypeSupport.Classify(type, out var elementSymbol, out var shape);
        bool nullableReference = type.IsReferenceType && type.NullableAnnotation == NullableAnnotation.Annotated;
        string name = Symbols.Name(type);
        switch (kind)
        {
            case ValueKind.Unsupported:
                return null;
            case ValueKind.Nullable:
            {
                var element = Describe(elementSymbol!);
                return element is null || element.Kind == ValueKind.Nullable ? null : new TypeRef(kind, name, false, element, shape, null, true);
            }

            case ValueKind.Collection:
            {
                var element = Describe(elementSymbol!);
                return element is null ? null : new TypeRef(kind, name, nullableReference, element, shape, null, false);
            }

            case ValueKind.Enum:
                return new TypeRef(kind, name, false, null, shape, AddEnum((INamedTypeSymbol)type).HelperName, true);
            case ValueKind.Object:
            {
                var helper = AddObject((INamedTypeSymbol)type);
                return helper is null ? null : new TypeRef(kind, name, nullableReference, null, shape, helper, type.IsValueType);
            }

            default:
                return new TypeRef(kind, name, nullableReference, null, shape, null, type.IsValueType);
        }
    }

    /// <summary>
    /// The JSON shape of <paramref name="type"/>: its serialized properties (unsupported ones skipped) and how it is
    /// constructed. Null when it cannot be read back (a constructor argument of an unsupported type).
    /// </summary>
    public JsonObjectModel? Shape(INamedTypeSymbol type, string helperName)
    {
        var construction = TypeSupport.GetObjectShape(type, out var members, out var constructor);
        if (construction == ObjectConstruction.Unsupported)
        {
            return null;
        }

        var properties = new List<PropertyModel>();
        foreach (var member in members)
        {
            var property = member.Property;
            var propertyType = PropertyType(property);
            var typeRef = Describe(propertyType);
            if (typeRef is null)
            {
                if (member.Setter == PropertySetter.Constructor)
                {
                    return null;
                }

                continue;
            }

            var underlying = typeRef.Element?.Kind ?? ValueKind.Unsupported;
            bool noAttributes = PropertySyntax.HasNoAttributes(property);
            properties.Add(new PropertyModel(
                property.Name,
                Identifiers.ToCamelCase(property.Name),
                typeRef,
                TypeSupport.SqlType(typeRef.Kind, underlying),
                !noAttributes && TypeSupport.HasAttribute(property, TypeSupport.IndexedAttributeName),
                member.Setter,
                !noAttributes && TypeSupport.HasAttribute(property, SearchAndRelationSupport.SearchableAttributeName) && SearchAndRelationSupport.IsSearchableType(propertyType)));
        }

        var arguments = constructor is null
            ? EquatableArray<string>.Empty
            : constructor.Parameters
                .Select(p => properties.FirstOrDefault(m => string.Equals(m.Name, p.Name, System.StringComparison.OrdinalIgnoreCase))?.Name ?? "")
                .ToEquatableArray();
        return new JsonObjectModel(Symbols.Name(type), helperName, type.IsValueType, construction, properties.ToEquatableArray(), arguments);
    }

    /// <summary>
    /// The type of <paramref name="property"/>: when its one declaration names a keyword type (<c>string Name</c>,
    /// <c>int Priority</c>), the compilation's special type, which <see cref="Describe"/> reads exactly as the bound
    /// type (a keyword cannot be aliased, and without <c>?</c> it is not annotated); otherwise the bound type.
    /// <c>IPropertySymbol.Type</c> binds the property's whole signature under a lock (issue 12). <c>PropertySyntaxTests</c>
    /// compares both readings on every keyword and many other shapes. Without a compilation, always the bound type.
    /// </summary>
    internal ITypeSymbol PropertyType(IPropertySymbol property)
        => compilation is not null && PropertySyntax.KeywordType(property) is { } special ? compilation.GetSpecialType(special) : property.Type;

    private string? AddObject(INamedTypeSymbol type)
    {
        var key = Symbols.Name(type);
        if (_objects.TryGetValue(key, out var existing))
        {
            // Null while in progress (a type that refers to itself) or after it failed; a failure is rare enough
            // (an unsupported constructor argument) that a self-reference is assumed to succeed.
            return existing?.HelperName ?? (_helperNames.TryGetValue(key, out var pending) ? pending : null);
        }

        if (!TypeSupport.IsReachable(type, out _))
        {
            return null;
        }

        var helper = HelperName(key, Symbols.FlatName(type));
        _objects[key] = null;
        _objectOrder.Add(key);
        var shape = Shape(type, helper);
        _objects[key] = shape;
        if (shape is null)
        {
            _helperNames.Remove(key);
        }

        return shape?.HelperName;
    }

    private EnumModel AddEnum(INamedTypeSymbol type)
    {
        var key = Symbols.Name(type);
        if (_enums.TryGetValue(key, out var existing))
        {
            return existing;
        }

        var members = new List<string>();
        var distinct = new List<string>();
        var seenValues = new HashSet<object>();
        foreach (var member in type.GetMembers())
        {
            if (member is IFieldSymbol { HasConstantValue: true, IsStatic: true } field)
            {
                members.Add(field.Name);
                if (field.ConstantValue is { } value && seenValues.Add(value))
                {
                    distinct.Add(field.Name);
                }
            }
        }

        var underlying = type.EnumUnderlyingType?.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) ?? "int";
        var model = new EnumModel(key, HelperName(key, Symbols.FlatName(type)), underlying, members.ToEquatableArray(), distinct.ToEquatableArray());
        _enums[key] = model;
        return model;
    }

    private string HelperName(string key, string stem)
    {
        if (_helperNames.TryGetValue(key, out var known))
        {
            return known;
        }

        stem = Identifiers.Sanitize(stem);
        var candidate = stem;
        for (int i = 2; !_usedHelperNames.Add(candidate); i++)
        {
            candidate = stem + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        _helperNames[key] = candidate;
        return candidate;
    }
}
