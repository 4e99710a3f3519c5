using System;
using Do.Sdk.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Do.Sdk.Generators.Parsing;

/// <summary>
/// Reads a verb parameter's default value from its syntax when that is a plain literal of the parameter's own type
/// (<c>int by = 1</c>, <c>string note = "x"</c>, <c>bool force = false</c>, <c>= null</c>). Asking the symbol
/// (<c>HasExplicitDefaultValue</c>) binds the default and runs nullable analysis over it: ~7% of a cold run at 1,000
/// nouns with one such verb each (issue 12). Anything else (a constant, an enum member, a negative number, a conversion
/// such as <c>long n = 1</c>'s, <c>default</c>, an attribute on the parameter) is left to the compiler's value.
/// </summary>
internal static class LiteralDefault
{
    /// <summary>
    /// True when the syntax alone gives the same answer as the symbol: <paramref name="hasDefault"/> false when the
    /// parameter has no default, else <paramref name="value"/> is the constant the compiler would report.
    /// </summary>
    public static bool TryRead(IParameterSymbol parameter, TypeRef type, out bool hasDefault, out object? value)
    {
        hasDefault = false;
        value = null;

        // A partial method's parts can each declare parameters; only a single plain declaration is read here.
        var references = parameter.DeclaringSyntaxReferences;
        if (references.Length != 1
            || parameter.ContainingSymbol is IMethodSymbol { PartialDefinitionPart: not null } or IMethodSymbol { PartialImplementationPart: not null }
            || references[0].GetSyntax() is not ParameterSyntax syntax
            || syntax.AttributeLists.Count > 0)
        {
            return false; // [Optional, DefaultParameterValue(...)] also make a default
        }

        return TryRead(syntax, parameter.Type, type, out hasDefault, out value);
    }

    /// <summary>
    /// The same reading from a parameter's syntax alone, for a parameter of type <paramref name="parameterType"/> that
    /// carries no attributes and belongs to a method declared once (not a partial method).
    /// </summary>
    public static bool TryRead(ParameterSyntax syntax, ITypeSymbol parameterType, TypeRef type, out bool hasDefault, out object? value)
    {
        hasDefault = false;
        value = null;
        if (syntax.Default is null)
        {
            return true;
        }

        if (syntax.Default.Value is not LiteralExpressionSyntax literal)
        {
            return false;
        }

        var target = type.Kind == ValueKind.Nullable ? type.Element?.Kind ?? ValueKind.Unsupported : type.Kind;
        var token = literal.Token.Value;
        switch (literal.Kind())
        {
            case SyntaxKind.NullLiteralExpression when type.Kind == ValueKind.Nullable || type.IsNullableReference || parameterType.IsReferenceType:
                hasDefault = true;
                return true;
            case SyntaxKind.TrueLiteralExpression or SyntaxKind.FalseLiteralExpression when target == ValueKind.Boolean:
            case SyntaxKind.StringLiteralExpression when target == ValueKind.String && token is string:
            case SyntaxKind.CharacterLiteralExpression when target == ValueKind.Char && token is char:
                hasDefault = true;
                value = token;
                return true;
            case SyntaxKind.NumericLiteralExpression when Widen(token, target) is { } number:
                hasDefault = true;
                value = number;
                return true;
            default:
                return false;
        }
    }

    // The constant a numeric literal becomes for the parameter: the literal's own type, or an int literal widened
    // (or narrowed, in range) as C#'s implicit constant conversion does. Null for anything else.
    private static object? Widen(object? literal, ValueKind target) => (literal, target) switch
    {
        (int v, ValueKind.Int32) => v,
        (int v, ValueKind.Int64) => (long)v,
        (int v, ValueKind.Double) => (double)v,
        (int v, ValueKind.Decimal) => (decimal)v,
        (int v, ValueKind.Int16) when v is >= short.MinValue and <= short.MaxValue => (short)v,
        (int v, ValueKind.UInt16) when v is >= ushort.MinValue and <= ushort.MaxValue => (ushort)v,
        (int v, ValueKind.Byte) when v is >= byte.MinValue and <= byte.MaxValue => (byte)v,
        (int v, ValueKind.SByte) when v is >= sbyte.MinValue and <= sbyte.MaxValue => (sbyte)v,
        (int v, ValueKind.UInt32) when v >= 0 => (uint)v,
        (int v, ValueKind.UInt64) when v >= 0 => (ulong)v,
        (long v, ValueKind.Int64) => v,
        (uint v, ValueKind.UInt32) => v,
        (ulong v, ValueKind.UInt64) => v,
        (double v, ValueKind.Double) => v,
        (float v, ValueKind.Single) => v,
        (decimal v, ValueKind.Decimal) => v,
        _ => null,
    };
}
