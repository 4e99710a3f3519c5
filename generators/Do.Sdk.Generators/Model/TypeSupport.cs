// The rules for which types a noun can store and a verb can take. This file depends on Roslyn only, so the
// analyzer project links it (<Compile Include="..\..\generators\Do.Sdk.Generators\Model\TypeSupport.cs" />)
// and reports exactly what the generator skips (DO0003, DO0010). Keep it free of other generator types.
using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Do.Sdk.Generators.Model;

/// <summary>How a property or parameter type is written as JSON.</summary>
internal enum ValueKind
{
    Unsupported,
    Boolean,
    Byte,
    SByte,
    Int16,
    UInt16,
    Int32,
    UInt32,
    Int64,
    UInt64,
    Single,
    Double,
    Decimal,
    Char,
    String,
    DateTime,
    DateTimeOffset,
    Guid,
    TimeSpan,
    DateOnly,
    TimeOnly,
    Enum,
    Nullable,
    Collection,
    Noun,
    Object,
}

/// <summary>The declared shape of a collection: always read as a list, converted when the property is an array.</summary>
internal enum CollectionShape
{
    None,
    List,
    Array,
    Interface,
}

/// <summary>How the serializer creates an object it reads.</summary>
internal enum ObjectConstruction
{
    /// <summary>Not serializable.</summary>
    Unsupported,

    /// <summary>Parameterless constructor, then property setters; a missing property keeps its initializer value.</summary>
    Mutable,

    /// <summary>Values read into locals, then a constructor call (positional records) and an object initializer (init-only properties).</summary>
    Constructor,
}

/// <summary>How a read value reaches its property.</summary>
internal enum PropertySetter
{
    /// <summary>A <c>set</c> accessor.</summary>
    Set,

    /// <summary>An <c>init</c> accessor: assigned in an object initializer, so a missing value becomes <c>default</c>.</summary>
    Init,

    /// <summary>A constructor parameter; a missing value becomes <c>default</c>.</summary>
    Constructor,
}

/// <summary>A property a type serializes, and how it is assigned back.</summary>
internal readonly struct SerializedMember
{
    public SerializedMember(IPropertySymbol property, PropertySetter setter)
    {
        Property = property;
        Setter = setter;
    }

    public IPropertySymbol Property { get; }

    public PropertySetter Setter { get; }
}

/// <summary>
/// Which types Do.Sdk serializes, and how.
/// <list type="bullet">
/// <item>bool, all integer types, float, double, decimal: JSON numbers (booleans as true/false).</item>
/// <item>string, char, Guid, DateTime, DateTimeOffset (ISO 8601), TimeSpan (<c>c</c> format), DateOnly (<c>yyyy-MM-dd</c>),
/// TimeOnly (<c>HH:mm:ss.FFFFFFF</c>): JSON strings.</item>
/// <item>enums: JSON strings holding the member name, so SQL over the view reads well and reordering members is
/// safe; a value with no name (a flags combination) is written as its number in a string. Reading accepts names,
/// numbers and numeric strings.</item>
/// <item><c>Nullable&lt;T&gt;</c> and annotated reference types: <c>null</c> when absent.</item>
/// <item><c>T[]</c>, <c>List&lt;T&gt;</c>, <c>IList&lt;T&gt;</c>, <c>ICollection&lt;T&gt;</c>, <c>IReadOnlyList&lt;T&gt;</c>,
/// <c>IReadOnlyCollection&lt;T&gt;</c>, <c>IEnumerable&lt;T&gt;</c> of a supported T: JSON arrays.</item>
/// <item>other <c>[Noun]</c> classes: through their own generated serializer.</item>
/// <item>non-generic classes, records and structs declared in the compilation, with a parameterless constructor or a
/// constructor whose parameters all match properties (positional records): JSON objects.</item>
/// </list>
/// Everything else (dictionaries, interfaces, generic or external classes, <c>object</c>, <c>dynamic</c>) is not
/// supported: the generator skips such a property or verb, and an analyzer reports it.
/// </summary>
internal static class TypeSupport
{
    public const string NounAttributeName = "Do.NounAttribute";
    public const string VerbAttributeName = "Do.VerbAttribute";
    public const string IndexedAttributeName = "Do.IndexedAttribute";

    /// <summary>The SQLite index of an <c>[Indexed]</c> property (NounEmitter.IndexSql); analyzer DO0004 compares these names.</summary>
    public static string IndexName(string noun, string property) => "ix_" + noun + "_" + property;
    public const string DurableObjectName = "Do.DurableObject";
    public const string ContextName = "Do.Context";

    // Members of the generated {Type}Verbs class; a verb with one of these names would clash with them, so the
    // generator skips it.
    private static readonly HashSet<string> s_reservedVerbNames = new(StringComparer.Ordinal) { "All", "Dispatch", "Complete" };

    /// <summary>True when the generator skips a verb named <paramref name="name"/>: <c>All</c>, <c>Dispatch</c> or <c>Complete</c>.</summary>
    public static bool IsReservedVerbName(string name) => s_reservedVerbNames.Contains(name);

    /// <summary>Classifies <paramref name="type"/>; for a collection or nullable value type, also returns its element.</summary>
    public static ValueKind Classify(ITypeSymbol type, out ITypeSymbol? element, out CollectionShape shape)
    {
        element = null;
        shape = CollectionShape.None;
        if (type is IArrayTypeSymbol array)
        {
            if (array.Rank != 1)
            {
                return ValueKind.Unsupported;
            }

            element = array.ElementType;
            shape = CollectionShape.Array;
            return ValueKind.Collection;
        }

        if (type is not INamedTypeSymbol named || type.TypeKind == TypeKind.Error)
        {
            return ValueKind.Unsupported;
        }

        switch (named.SpecialType)
        {
            case SpecialType.System_Boolean: return ValueKind.Boolean;
            case SpecialType.System_Byte: return ValueKind.Byte;
            case SpecialType.System_SByte: return ValueKind.SByte;
            case SpecialType.System_Int16: return ValueKind.Int16;
            case SpecialType.System_UInt16: return ValueKind.UInt16;
            case SpecialType.System_Int32: return ValueKind.Int32;
            case SpecialType.System_UInt32: return ValueKind.UInt32;
            case SpecialType.System_Int64: return ValueKind.Int64;
            case SpecialType.System_UInt64: return ValueKind.UInt64;
            case SpecialType.System_Single: return ValueKind.Single;
            case SpecialType.System_Double: return ValueKind.Double;
            case SpecialType.System_Decimal: return ValueKind.Decimal;
            case SpecialType.System_Char: return ValueKind.Char;
            case SpecialType.System_String: return ValueKind.String;
            case SpecialType.System_DateTime: return ValueKind.DateTime;
        }

        if (named.TypeKind == TypeKind.Enum)
        {
            return ValueKind.Enum;
        }

        if (named.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
        {
            element = named.TypeArguments[0];
            return ValueKind.Nullable;
        }

        if (named.ContainingType is null && IsNamespace(named.ContainingNamespace, "System"))
        {
            switch (named.MetadataName)
            {
                case "DateTimeOffset": return ValueKind.DateTimeOffset;
                case "Guid": return ValueKind.Guid;
                case "TimeSpan": return ValueKind.TimeSpan;
                case "DateOnly": return ValueKind.DateOnly;
                case "TimeOnly": return ValueKind.TimeOnly;
            }
        }

        if (named.IsGenericType)
        {
            var definition = named.OriginalDefinition;
            if (definition.ContainingType is not null || !IsNamespace(definition.ContainingNamespace, "System.Collections.Generic"))
            {
                return ValueKind.Unsupported;
            }

            switch (definition.MetadataName)
            {
                case "List`1":
                    shape = CollectionShape.List;
                    break;
                case "IList`1":
                case "ICollection`1":
                case "IReadOnlyList`1":
                case "IReadOnlyCollection`1":
                case "IEnumerable`1":
                    shape = CollectionShape.Interface;
                    break;
                default:
                    return ValueKind.Unsupported;
            }

            element = named.TypeArguments[0];
            return ValueKind.Collection;
        }

        if (IsNoun(named))
        {
            return named.TypeKind == TypeKind.Class && !named.IsAbstract ? ValueKind.Noun : ValueKind.Unsupported;
        }

        if ((named.TypeKind is TypeKind.Class or TypeKind.Struct) && IsInSource(named) && !named.IsStatic && !named.IsAbstract && !IsDurableObject(named))
        {
            return ValueKind.Object;
        }

        return ValueKind.Unsupported;
    }

    /// <summary>
    /// True when a property or verb parameter of type <paramref name="type"/> is stored: <see cref="Classify"/> knows
    /// it, the element of a collection or nullable is supported, and an object type is reachable from generated code
    /// (<see cref="IsReachable"/>) with a shape it can be read back into (every constructor-bound property supported).
    /// The generator's <c>JsonTypeCollector.Describe</c> returns null exactly when this is false.
    /// </summary>
    public static bool IsSupported(ITypeSymbol type) => IsSupported(type, new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default));

    /// <summary>
    /// True when generated code elsewhere in the assembly can name <paramref name="type"/>: it and every containing
    /// type are public or internal, and none is generic. <paramref name="isPublic"/> says whether it is visible outside
    /// the assembly.
    /// </summary>
    public static bool IsReachable(INamedTypeSymbol type, out bool isPublic)
    {
        isPublic = true;
        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            switch (current.DeclaredAccessibility)
            {
                case Accessibility.Public:
                    break;
                case Accessibility.Internal:
                case Accessibility.ProtectedOrInternal:
                    isPublic = false;
                    break;
                default:
                    return false;
            }

            if (current.IsGenericType)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The properties <paramref name="type"/> serializes (base class first) and how it is constructed when read.
    /// Public readable instance properties count when they have a public setter (<c>set</c> or <c>init</c>) or match
    /// a constructor parameter.
    /// </summary>
    public static ObjectConstruction GetObjectShape(INamedTypeSymbol type, out ImmutableArray<SerializedMember> members, out IMethodSymbol? constructor)
    {
        members = ImmutableArray<SerializedMember>.Empty;
        constructor = null;
        if (type.IsGenericType || type.IsStatic || type.IsAbstract || type.TypeKind is not (TypeKind.Class or TypeKind.Struct))
        {
            return ObjectConstruction.Unsupported;
        }

        var readable = ReadableProperties(type);
        IMethodSymbol? parameterless = null;
        IMethodSymbol? widest = null;
        foreach (var ctor in type.InstanceConstructors)
        {
            if (ctor.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal))
            {
                continue;
            }

            if (ctor.Parameters.Length == 0)
            {
                parameterless = ctor;
            }
            else if (MatchesProperties(ctor, readable) && (widest is null || ctor.Parameters.Length > widest.Parameters.Length) && !IsCopyConstructor(ctor, type))
            {
                widest = ctor;
            }
        }

        bool hasParameterless = parameterless is not null || type.TypeKind == TypeKind.Struct;
        var builder = ImmutableArray.CreateBuilder<SerializedMember>();
        if (hasParameterless)
        {
            bool anyInit = false;
            foreach (var property in readable)
            {
                if (IsPublic(property.SetMethod))
                {
                    bool init = property.SetMethod!.IsInitOnly;
                    anyInit |= init;
                    builder.Add(new SerializedMember(property, init ? PropertySetter.Init : PropertySetter.Set));
                }
            }

            members = builder.ToImmutable();
            return anyInit ? ObjectConstruction.Constructor : ObjectConstruction.Mutable;
        }

        if (widest is null)
        {
            return ObjectConstruction.Unsupported;
        }

        constructor = widest;
        foreach (var property in readable)
        {
            if (FindParameter(widest, property.Name) is not null)
            {
                builder.Add(new SerializedMember(property, PropertySetter.Constructor));
            }
            else if (IsPublic(property.SetMethod))
            {
                builder.Add(new SerializedMember(property, property.SetMethod!.IsInitOnly ? PropertySetter.Init : PropertySetter.Set));
            }
        }

        members = builder.ToImmutable();
        return ObjectConstruction.Constructor;
    }

    /// <summary>The SQLite type of a value in a noun's view: INTEGER, REAL, TEXT or JSON.</summary>
    public static string SqlType(ValueKind kind, ValueKind underlying = ValueKind.Unsupported)
        => kind switch
        {
            ValueKind.Boolean or ValueKind.Byte or ValueKind.SByte or ValueKind.Int16 or ValueKind.UInt16 or ValueKind.Int32
                or ValueKind.UInt32 or ValueKind.Int64 or ValueKind.UInt64 => "INTEGER",
            ValueKind.Single or ValueKind.Double or ValueKind.Decimal => "REAL",
            ValueKind.Nullable => SqlType(underlying),
            ValueKind.Collection or ValueKind.Noun or ValueKind.Object => "JSON",
            _ => "TEXT",
        };

    /// <summary>True when <paramref name="type"/> carries <c>[Noun]</c>.</summary>
    public static bool IsNoun(INamedTypeSymbol type) => HasAttribute(type, NounAttributeName);

    /// <summary>True when <paramref name="type"/> derives, directly or not, from <c>Do.DurableObject</c>.</summary>
    public static bool IsDurableObject(INamedTypeSymbol type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (IsNamed(current, DurableObjectName))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="type"/> is <c>Do.Context</c>.</summary>
    public static bool IsContext(ITypeSymbol type) => type is INamedTypeSymbol named && IsNamed(named, ContextName);

    /// <summary>True when <paramref name="type"/> is <c>System.Threading.CancellationToken</c>.</summary>
    public static bool IsCancellationToken(ITypeSymbol type) => type is INamedTypeSymbol named && IsNamed(named, "System.Threading.CancellationToken");

    /// <summary>True for <c>void</c>, <c>Task</c> and <c>ValueTask</c>: what a verb may return.</summary>
    public static bool IsSupportedVerbReturn(ITypeSymbol type, out bool isAsync) => IsSupportedVerbReturn(type, out isAsync, out _);

    /// <summary>
    /// True when a verb may return <paramref name="type"/>: <c>void</c>, <c>Task</c>, <c>ValueTask</c>, or a value
    /// (<c>T</c>, <c>Task&lt;T&gt;</c>, <c>ValueTask&lt;T&gt;</c>) whose type <paramref name="result"/> is then set;
    /// whether the value's type can be stored is the serializer's question, not this one.
    /// </summary>
    public static bool IsSupportedVerbReturn(ITypeSymbol type, out bool isAsync, out ITypeSymbol? result)
    {
        isAsync = false;
        result = null;
        if (type.SpecialType == SpecialType.System_Void)
        {
            return true;
        }

        if (type is INamedTypeSymbol named
            && (named.IsGenericType ? named.ConstructedFrom : named) is { ContainingType: null } definition
            && IsNamespace(definition.ContainingNamespace, "System.Threading.Tasks"))
        {
            switch (definition.MetadataName)
            {
                case "Task" or "ValueTask":
                    isAsync = true;
                    return true;
                case "Task`1" or "ValueTask`1":
                    isAsync = true;
                    result = named.TypeArguments[0];
                    return true;
            }
        }

        if (type.TypeKind is TypeKind.TypeParameter or TypeKind.Pointer or TypeKind.FunctionPointer || type.IsRefLikeType)
        {
            return false;
        }

        result = type;
        return true;
    }

    /// <summary>True when <paramref name="symbol"/> carries the attribute with metadata name <paramref name="attributeName"/>.</summary>
    public static bool HasAttribute(ISymbol symbol, string attributeName)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass is { } cls && IsNamed(cls, attributeName))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when <see cref="MetadataName"/> of <paramref name="type"/> is <paramref name="metadataName"/>, compared
    /// part by part from the end without building the name: a cold run checks every attribute and most property types.
    /// </summary>
    public static bool IsNamed(INamedTypeSymbol type, string metadataName)
    {
        int end = metadataName.Length;
        var current = type;
        while (true)
        {
            if (!EndsWith(metadataName, ref end, current.MetadataName))
            {
                return false;
            }

            if (current.ContainingType is not { } outer)
            {
                break;
            }

            if (end == 0 || metadataName[end - 1] != '+')
            {
                return false;
            }

            end--;
            current = outer;
        }

        if (current.ContainingNamespace is not { IsGlobalNamespace: false } ns)
        {
            return end == 0;
        }

        return end > 0 && metadataName[end - 1] == '.' && IsNamespace(ns, metadataName, end - 1);
    }

    /// <summary>True when <paramref name="ns"/> is the namespace named <paramref name="name"/> (<c>System.Threading.Tasks</c>).</summary>
    public static bool IsNamespace(INamespaceSymbol? ns, string name) => IsNamespace(ns, name, name.Length);

    // True when name[..end] is the dotted name of `ns` (empty for the global namespace).
    private static bool IsNamespace(INamespaceSymbol? ns, string name, int end)
    {
        bool innermost = true;
        for (var current = ns; current is { IsGlobalNamespace: false }; current = current.ContainingNamespace)
        {
            if (!innermost)
            {
                if (end == 0 || name[end - 1] != '.')
                {
                    return false;
                }

                end--;
            }

            innermost = false;
            if (!EndsWith(name, ref end, current.Name))
            {
                return false;
            }
        }

        return end == 0;
    }

    private static bool EndsWith(string text, ref int end, string part)
    {
        int start = end - part.Length;
        if (start < 0 || string.CompareOrdinal(text, start, part, 0, part.Length) != 0)
        {
            return false;
        }

        end = start;
        return true;
    }

    /// <summary>The namespace-qualified metadata name (<c>System.Collections.Generic.List`1</c>).</summary>
    public static string MetadataName(INamedTypeSymbol type)
    {
        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() + "." : "";
        var outer = type.ContainingType is { } containing ? MetadataName(containing) + "+" : ns;
        return outer + type.MetadataName;
    }

    // `visiting` holds the object types being checked further up, so a type that refers to itself counts as
    // supported, as it does for the generator.
    private static bool IsSupported(ITypeSymbol type, HashSet<ITypeSymbol> visiting)
    {
        switch (Classify(type, out var element, out _))
        {
            case ValueKind.Unsupported:
                return false;
            case ValueKind.Nullable:
                return Classify(element!, out _, out _) != ValueKind.Nullable && IsSupported(element!, visiting);
            case ValueKind.Collection:
                return IsSupported(element!, visiting);
            case ValueKind.Object:
                var named = (INamedTypeSymbol)type;
                if (!visiting.Add(named))
                {
                    return true;
                }

                try
                {
                    return IsReachable(named, out _) && HasReadableShape(named, visiting);
                }
                finally
                {
                    visiting.Remove(named);
                }

            default:
                return true;
        }
    }

    // An unsupported property is skipped, unless the constructor needs it: then the type cannot be read back.
    private static bool HasReadableShape(INamedTypeSymbol type, HashSet<ITypeSymbol> visiting)
    {
        if (GetObjectShape(type, out var members, out _) == ObjectConstruction.Unsupported)
        {
            return false;
        }

        foreach (var member in members)
        {
            if (member.Setter == PropertySetter.Constructor && !IsSupported(member.Property.Type, visiting))
            {
                return false;
            }
        }

        return true;
    }

    private static List<IPropertySymbol> ReadableProperties(INamedTypeSymbol type)
    {
        var chain = new List<INamedTypeSymbol>();
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object && current.SpecialType != SpecialType.System_ValueType; current = current.BaseType)
        {
            chain.Insert(0, current);
        }

        var result = new List<IPropertySymbol>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = chain.Count - 1; i >= 0; i--)
        {
            // Walk most-derived first so an override or a `new` property wins, then put base properties first.
            var own = new List<IPropertySymbol>();
            foreach (var member in chain[i].GetMembers())
            {
                if (member is IPropertySymbol { IsStatic: false, IsIndexer: false, DeclaredAccessibility: Accessibility.Public } property
                    && IsPublic(property.GetMethod) && HasNoParameters(property) && seen.Add(property.Name)
                    && !(property.Name == "EqualityContract" && chain[i].IsRecord))
                {
                    own.Add(property);
                }
            }

            result.InsertRange(0, own);
        }

        return result;
    }

    // A property declared in C# source that is not an indexer has no parameters; only metadata can declare one (a
    // parameterized property that is not the default member). Asking a source property for its parameters binds its
    // whole signature, type included, under a lock (issue 12), which the generator then avoids for keyword-typed
    // properties (JsonTypeCollector.PropertyType).
    private static bool HasNoParameters(IPropertySymbol property)
        => !property.DeclaringSyntaxReferences.IsEmpty || property.Parameters.IsEmpty;

    private static bool MatchesProperties(IMethodSymbol ctor, List<IPropertySymbol> properties)
    {
        foreach (var parameter in ctor.Parameters)
        {
            if (parameter.RefKind != RefKind.None)
            {
                return false;
            }

            var match = properties.Find(p => string.Equals(p.Name, parameter.Name, StringComparison.OrdinalIgnoreCase));
            if (match is null || !SymbolEqualityComparer.Default.Equals(match.Type, parameter.Type))
            {
                return false;
            }
        }

        return true;
    }

    private static IParameterSymbol? FindParameter(IMethodSymbol ctor, string propertyName)
    {
        foreach (var parameter in ctor.Parameters)
        {
            if (string.Equals(parameter.Name, propertyName, StringComparison.OrdinalIgnoreCase))
            {
                return parameter;
            }
        }

        return null;
    }

    private static bool IsCopyConstructor(IMethodSymbol ctor, INamedTypeSymbol type)
        => ctor.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(ctor.Parameters[0].Type, type);

    private static bool IsPublic(IMethodSymbol? accessor) => accessor is { DeclaredAccessibility: Accessibility.Public };

    private static bool IsInSource(INamedTypeSymbol type)
    {
        foreach (var location in type.Locations)
        {
            if (location.IsInSource)
            {
                return true;
            }
        }

        return false;
    }
}
