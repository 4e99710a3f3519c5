using System.Collections.Generic;
using System.Linq;
using Do.Sdk.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Do.Sdk.Generators.Parsing;

/// <summary>Symbol helpers shared by the parsers.</summary>
internal static class Symbols
{
    /// <summary>Fully qualified (<c>global::</c>), keywords for special types, <c>?</c> on annotated reference types.</summary>
    public static readonly SymbolDisplayFormat FullyQualified = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>The fully qualified name of <paramref name="type"/> without a top-level nullable annotation.</summary>
    public static string Name(ITypeSymbol type)
        => SpecialTypeName(type.SpecialType)
            ?? PlainName(type)
            ?? (type.IsReferenceType ? type.WithNullableAnnotation(NullableAnnotation.NotAnnotated) : type).ToDisplayString(FullyQualified);

    /// <summary>
    /// What <see cref="FullyQualified"/> displays for a class, struct, enum or interface that is not nested in a generic
    /// type, and whose names need no <c>@</c>: <c>global::</c>, then the namespaces and types joined by dots; for a generic
    /// type (not <c>Nullable&lt;T&gt;</c>, not a tuple), its type arguments in angle brackets, each a keyword type or such a
    /// non-generic type, without a <c>?</c> (<c>global::System.Collections.Generic.List&lt;string&gt;</c>).
    /// Null for anything else. Every noun and most property types are such types, and the symbol display visitor cost
    /// ~2% of a cold run at 100 nouns (issue 12); <c>SymbolsTests</c> compares the two on many shapes.
    /// </summary>
    internal static string? PlainName(ITypeSymbol type)
    {
        if (type is not INamedTypeSymbol { SpecialType: SpecialType.None, IsTupleType: false, TypeKind: TypeKind.Class or TypeKind.Struct or TypeKind.Enum or TypeKind.Interface } named)
        {
            return null;
        }

        if (named.Arity == 0)
        {
            return PlainChars(named, 0) is { } plain ? new string(plain) : null;
        }

        if (named.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T || named.IsUnboundGenericType)
        {
            return null;
        }

        // Each argument as the display writes it: a keyword, or a plain non-generic name. An annotated reference type
        // argument (string?) is left to the display.
        var arguments = named.TypeArguments;
        var names = new string[arguments.Length];
        int extra = 2 + ((arguments.Length - 1) * 2);
        for (int i = 0; i < arguments.Length; i++)
        {
            var argument = arguments[i];
            if (argument.IsReferenceType && argument.NullableAnnotation == NullableAnnotation.Annotated)
            {
                return null;
            }

            var name = SpecialTypeName(argument.SpecialType)
                ?? (argument is INamedTypeSymbol { Arity: 0 } ? PlainName(argument) : null);
            if (name is null)
            {
                return null;
            }

            names[i] = name;
            extra += name.Length;
        }

        if (PlainChars(named, extra) is not { } chars)
        {
            return null;
        }

        int at = chars.Length - extra;
        chars[at++] = '<';
        for (int i = 0; i < names.Length; i++)
        {
            if (i > 0)
            {
                chars[at++] = ',';
                chars[at++] = ' ';
            }

            names[i].CopyTo(0, chars, at, names[i].Length);
            at += names[i].Length;
        }

        chars[at] = '>';
        return new string(chars);
    }

    // global::, the namespaces and containing types, and the type's own name, followed by `extra` characters for the
    // caller to fill; null when a name needs an @ or a containing type is generic.
    private static char[]? PlainChars(INamedTypeSymbol named, int extra)
    {
        if (!IsPlainIdentifier(named.Name))
        {
            return null;
        }

        int length = "global::".Length + named.Name.Length + extra;
        ISymbol? current = named.ContainingSymbol;
        for (; current is INamedTypeSymbol part; current = part.ContainingSymbol)
        {
            if (part.Arity != 0 || !IsPlainIdentifier(part.Name))
            {
                return null;
            }

            length += part.Name.Length + 1;
        }

        for (var ns = current as INamespaceSymbol; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
        {
            if (!IsPlainIdentifier(ns.Name))
            {
                return null;
            }

            length += ns.Name.Length + 1;
        }

        if (current is not INamespaceSymbol)
        {
            return null;
        }

        // Filled from the end: the type's own name last, "global::" first.
        var chars = new char[length];
        int end = length - extra;
        for (ISymbol? symbol = named; symbol is INamespaceOrTypeSymbol { } s && !(s is INamespaceSymbol { IsGlobalNamespace: true }); symbol = symbol.ContainingSymbol)
        {
            var name = symbol.Name;
            end -= name.Length;
            name.CopyTo(0, chars, end, name.Length);
            if (end > "global::".Length)
            {
                chars[--end] = '.';
            }
        }

        "global::".CopyTo(0, chars, 0, "global::".Length);
        return chars;
    }

    /// <summary>
    /// What <c>ToDisplayString()</c> writes for <paramref name="ns"/> (<c>A.B.C</c>), empty for the global namespace,
    /// joined here when every name is a plain identifier: the symbol display visitor ran once per noun (issue 12).
    /// </summary>
    public static string NamespaceName(INamespaceSymbol? ns)
    {
        if (ns is null or { IsGlobalNamespace: true })
        {
            return "";
        }

        if (ns.ContainingNamespace is { IsGlobalNamespace: true } && IsPlainIdentifier(ns.Name))
        {
            return ns.Name;
        }

        var parts = new List<string>();
        for (var current = ns; current is { IsGlobalNamespace: false }; current = current.ContainingNamespace)
        {
            if (!IsPlainIdentifier(current.Name))
            {
                return ns.ToDisplayString();
            }

            parts.Add(current.Name);
        }

        parts.Reverse();
        return string.Join(".", parts);
    }

    // An identifier the display writes as is: no keyword (those get an @) and nothing unusual in it.
    private static bool IsPlainIdentifier(string name)
    {
        if (name.Length == 0 || SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) != SyntaxKind.None)
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_'))
            {
                return false;
            }
        }

        return true;
    }

    // What FullyQualified displays for the special types with a C# keyword (and DateTime), without running the symbol
    // display visitor: a property or parameter is one of these most of the time, and the cold run formats thousands.
    private static string? SpecialTypeName(SpecialType type) => type switch
    {
        SpecialType.System_Boolean => "bool",
        SpecialType.System_Byte => "byte",
        SpecialType.System_SByte => "sbyte",
        SpecialType.System_Int16 => "short",
        SpecialType.System_UInt16 => "ushort",
        SpecialType.System_Int32 => "int",
        SpecialType.System_UInt32 => "uint",
        SpecialType.System_Int64 => "long",
        SpecialType.System_UInt64 => "ulong",
        SpecialType.System_Single => "float",
        SpecialType.System_Double => "double",
        SpecialType.System_Decimal => "decimal",
        SpecialType.System_Char => "char",
        SpecialType.System_String => "string",
        SpecialType.System_Object => "object",
        SpecialType.System_DateTime => "global::System.DateTime",
        _ => null,
    };

    /// <summary>Namespace and containing type declarations of <paramref name="type"/>; null when a containing type is not partial.</summary>
    public static TypeLocation? Locate(INamedTypeSymbol type, SyntaxNode declaration)
    {
        var containing = new List<string>();
        foreach (var ancestor in declaration.Ancestors().OfType<TypeDeclarationSyntax>())
        {
            if (!ancestor.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                return null;
            }

            containing.Insert(0, $"partial {Keyword(ancestor)} {ancestor.Identifier.ValueText}");
        }

        return new TypeLocation(NamespaceName(type.ContainingNamespace), containing.ToEquatableArray());
    }

    /// <summary>The keyword that starts a partial declaration of <paramref name="declaration"/>.</summary>
    public static string Keyword(TypeDeclarationSyntax declaration) => declaration switch
    {
        RecordDeclarationSyntax record => record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) ? "record struct" : "record",
        StructDeclarationSyntax => "struct",
        InterfaceDeclarationSyntax => "interface",
        _ => "class",
    };

    /// <summary>The names of the types containing <paramref name="type"/> and its own, joined: <c>Outer.Startup</c> gives <c>OuterStartup</c>.</summary>
    public static string FlatName(INamedTypeSymbol type, string separator = "")
    {
        var parts = new List<string>();
        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            parts.Insert(0, current.Name);
        }

        return string.Join(separator, parts);
    }

    /// <summary>A named argument of an attribute, or the default.</summary>
    public static T? NamedArgument<T>(AttributeData attribute, string name)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == name && argument.Value.Value is T value)
            {
                return value;
            }
        }

        return default;
    }

    /// <summary>The first attribute named <paramref name="metadataName"/> on <paramref name="symbol"/>.</summary>
    public static AttributeData? FindAttribute(ISymbol symbol, string metadataName)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass is { } cls && TypeSupport.MetadataName(cls) == metadataName)
            {
                return attribute;
            }
        }

        return null;
    }
}
