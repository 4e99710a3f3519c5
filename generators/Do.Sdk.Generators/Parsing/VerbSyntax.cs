using System.Collections.Generic;
using Do.Sdk.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Do.Sdk.Generators.Parsing;

/// <summary>
/// Reads what the syntax of a method proves, so the symbol is not asked. A method without attributes is no verb, and
/// needs no <c>GetAttributes</c> (which binds and validates a method's attribute lists). For a verb, the compiler still
/// binds <c>[Verb]</c> (an alias or a <c>using</c> can make any name mean it), but a <c>void</c> method whose parameters are
/// of keyword types (<c>int</c>, <c>string</c>, …) with literal defaults is read from syntax: asking the symbol for its
/// return type or parameters binds the whole signature (<c>LazyMethodChecks</c>, ~3% of a cold run at 1,000 nouns with
/// one verb each, issue 12). Anything else goes to the symbol, as before.
/// </summary>
internal static class VerbSyntax
{
    /// <summary>True when syntax proves <paramref name="method"/> carries no attribute at all, so it cannot be a verb.</summary>
    public static bool HasNoAttributes(IMethodSymbol method)
        => Declaration(method) is { AttributeLists.Count: 0 };

    /// <summary>
    /// The verb <paramref name="method"/> makes with <paramref name="attribute"/> (its bound <c>[Verb]</c>), read from
    /// its syntax; false when the syntax does not settle the signature, and the symbol must be asked.
    /// </summary>
    public static bool TryRead(IMethodSymbol method, AttributeData attribute, SemanticModel? model, JsonTypeCollector types, out VerbModel? verb)
        => TryRead(method, VerbOptions.From(attribute), model, types, out verb);

    /// <summary>As <see cref="TryRead(IMethodSymbol, AttributeData, SemanticModel?, JsonTypeCollector, out VerbModel?)"/>, with the attribute's options however they were read.</summary>
    public static bool TryRead(IMethodSymbol method, VerbOptions options, SemanticModel? model, JsonTypeCollector types, out VerbModel? verb)
    {
        verb = null;
        if (model is null
            || Declaration(method) is not { } syntax
            || method.IsStatic || method.IsAbstract || syntax.TypeParameterList is not null
            || TypeSupport.IsReservedVerbName(method.Name)
            || method.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal)
            || syntax.ReturnType is not PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.VoidKeyword })
        {
            return false; // what the compiler rejects is its to explain, through the symbol
        }

        var parameters = new List<ParameterModel>(syntax.ParameterList.Parameters.Count);
        foreach (var parameter in syntax.ParameterList.Parameters)
        {
            if (parameter.AttributeLists.Count > 0
                || parameter.Modifiers.Count > 0
                || parameter.Type is not PredefinedTypeSyntax predefined
                || KeywordType(predefined.Keyword.Kind()) is not { } special)
            {
                return false;
            }

            var type = model.Compilation.GetSpecialType(special);
            if (types.Describe(type) is not { } typeRef
                || !LiteralDefault.TryRead(parameter, type, typeRef, out bool hasDefault, out object? explicitDefault)
                || VerbParser.ValueParameter(parameter.Identifier.ValueText, type, typeRef, hasDefault, explicitDefault) is not { } value)
            {
                return false;
            }

            parameters.Add(value);
        }

        verb = VerbParser.Create(method.Name, VerbReturn.Void, parameters, null, options);
        return true;
    }

    /// <summary>The one declaration of a method that is not partial (a partial method's other part may carry attributes).</summary>
    internal static MethodDeclarationSyntax? Declaration(IMethodSymbol method)
        => Declarations.SingleNonPartial<MethodDeclarationSyntax>(method);

    /// <summary>The special type a keyword names, for the keyword types the serializer stores; null for any other.</summary>
    internal static SpecialType? KeywordType(SyntaxKind keyword) => keyword switch
    {
        SyntaxKind.BoolKeyword => SpecialType.System_Boolean,
        SyntaxKind.ByteKeyword => SpecialType.System_Byte,
        SyntaxKind.SByteKeyword => SpecialType.System_SByte,
        SyntaxKind.ShortKeyword => SpecialType.System_Int16,
        SyntaxKind.UShortKeyword => SpecialType.System_UInt16,
        SyntaxKind.IntKeyword => SpecialType.System_Int32,
        SyntaxKind.UIntKeyword => SpecialType.System_UInt32,
        SyntaxKind.LongKeyword => SpecialType.System_Int64,
        SyntaxKind.ULongKeyword => SpecialType.System_UInt64,
        SyntaxKind.FloatKeyword => SpecialType.System_Single,
        SyntaxKind.DoubleKeyword => SpecialType.System_Double,
        SyntaxKind.DecimalKeyword => SpecialType.System_Decimal,
        SyntaxKind.CharKeyword => SpecialType.System_Char,
        SyntaxKind.StringKeyword => SpecialType.System_String,
        _ => null,
    };
}
