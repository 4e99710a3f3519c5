using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using Do.Sdk.Generators.Model;
using Do.Sdk.Generators.Naming;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Do.Sdk.Generators.Parsing;

/// <summary>Reads the <c>[Verb]</c> methods of a noun or durable object class; skips those it cannot call.</summary>
internal static class VerbParser
{
    public static EquatableArray<VerbModel> Parse(INamedTypeSymbol type, JsonTypeCollector types, SemanticModel? model, CancellationToken cancellationToken)
    {
        var verbs = new List<VerbModel>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in type.GetMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (member is not IMethodSymbol { MethodKind: MethodKind.Ordinary } method)
            {
                continue;
            }

            // Syntax first: a method without attributes is no verb, a lone [Verb] whose name the lookup proves needs no
            // attribute binding, and a plain signature needs no binding either.
            var declaration = VerbSyntax.Declaration(method);
            if (declaration is { AttributeLists.Count: 0 })
            {
                continue;
            }

            if (declaration is null || !VerbAttributeSyntax.TryRead(declaration, method, model, out var options))
            {
                if (Symbols.FindAttribute(method, TypeSupport.VerbAttributeName) is not { } attribute)
                {
                    continue;
                }

                options = VerbOptions.From(attribute);
            }

            if (!VerbSyntax.TryRead(method, options, model, types, out var verb))
            {
                verb = Parse(method, options, types);
            }

            if (verb is not null && names.Add(verb.Name))
            {
                verbs.Add(verb);
            }
        }

        return verbs.ToEquatableArray();
    }

    /// <summary>A <c>[Verb]</c> method read from its symbol, as the compiler binds it; null when it cannot be called.</summary>
    internal static VerbModel? Parse(IMethodSymbol method, AttributeData attribute, JsonTypeCollector types)
        => Parse(method, VerbOptions.From(attribute), types);

    /// <summary>A <c>[Verb]</c> method read from its symbol, with its attribute's options; null when it cannot be called.</summary>
    internal static VerbModel? Parse(IMethodSymbol method, VerbOptions options, JsonTypeCollector types)
    {
        if (method.IsStatic || method.IsGenericMethod || method.IsAbstract || TypeSupport.IsReservedVerbName(method.Name)
            || method.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal)
            || !TypeSupport.IsSupportedVerbReturn(method.ReturnType, out var isAsync, out var resultType)
            || method.ReturnsByRef || method.ReturnsByRefReadonly)
        {
            return null;
        }

        TypeRef? result = null;
        if (resultType is not null && (result = types.Describe(resultType)) is null)
        {
            return null; // DO0003 reports the type the serializer cannot store
        }

        var parameters = new List<ParameterModel>();
        foreach (var parameter in method.Parameters)
        {
            if (parameter.RefKind != RefKind.None)
            {
                return null;
            }

            if (TypeSupport.IsContext(parameter.Type))
            {
                parameters.Add(new ParameterModel(parameter.Name, null, ParameterRole.Context, null));
                continue;
            }

            if (TypeSupport.IsCancellationToken(parameter.Type))
            {
                parameters.Add(new ParameterModel(parameter.Name, null, ParameterRole.CancellationToken, null));
                continue;
            }

            var typeRef = types.Describe(parameter.Type);
            if (typeRef is null)
            {
                return null;
            }

            if (!LiteralDefault.TryRead(parameter, typeRef, out bool hasDefault, out object? explicitDefault))
            {
                hasDefault = parameter.HasExplicitDefaultValue;
                explicitDefault = hasDefault ? parameter.ExplicitDefaultValue : null;
            }

            if (ValueParameter(parameter.Name, parameter.Type, typeRef, hasDefault, explicitDefault) is not { } value)
            {
                return null;
            }

            parameters.Add(value);
        }

        var returns = !isAsync ? VerbReturn.Void : method.ReturnType.Name == "ValueTask" ? VerbReturn.ValueTask : VerbReturn.Task;
        return Create(method.Name, returns, parameters, result, options);
    }

    /// <summary>A value parameter with its default written as C#; null when the default cannot be written.</summary>
    internal static ParameterModel? ValueParameter(string name, ITypeSymbol type, TypeRef typeRef, bool hasDefault, object? explicitDefault)
    {
        string? defaultValue = null;
        if (hasDefault)
        {
            defaultValue = DefaultValue(explicitDefault, type, typeRef);
            if (defaultValue is null)
            {
                return null;
            }

            // `string s = null` in code without nullable annotations: keep it legal where nullable is enabled.
            if (explicitDefault is null && type.IsReferenceType && !typeRef.IsNullableReference)
            {
                typeRef = typeRef with { IsNullableReference = true };
            }
        }

        return new ParameterModel(name, typeRef, ParameterRole.Value, defaultValue);
    }

    /// <summary>The verb's model from what the method and its <c>[Verb]</c> arguments say; null without a usable event name.</summary>
    internal static VerbModel? Create(string name, VerbReturn returns, List<ParameterModel> parameters, TypeRef? result, VerbOptions options)
    {
        var declaredEvent = options.Event;
        var eventName = Identifiers.Sanitize(string.IsNullOrWhiteSpace(declaredEvent) ? English.PastTense(name) : declaredEvent!);
        if (eventName.Length == 0)
        {
            return null;
        }

        return new VerbModel(
            name,
            Identifiers.LowerFirst(eventName),
            Identifiers.ToPascalCase(eventName),
            returns,
            options.Retries,
            options.TimeoutMilliseconds,
            parameters.ToEquatableArray(),
            result,
            options.RequiresApproval);
    }

    /// <summary>The C# expression of a parameter's default value, or null when it cannot be written.</summary>
    private static string? DefaultValue(object? value, ITypeSymbol type, TypeRef typeRef)
    {
        if (value is null)
        {
            return "default";
        }

        var target = typeRef.Kind == ValueKind.Nullable ? typeRef.Element! : typeRef;
        if (target.Kind == ValueKind.Enum)
        {
            var enumType = type is INamedTypeSymbol { IsGenericType: true } nullable ? nullable.TypeArguments[0] : type;
            foreach (var member in enumType.GetMembers())
            {
                if (member is IFieldSymbol { HasConstantValue: true } field && Equals(field.ConstantValue, value))
                {
                    return target.Name + "." + Identifiers.Escape(field.Name);
                }
            }

            return $"({target.Name})({Number(value)})";
        }

        return value switch
        {
            bool b => b ? "true" : "false",
            string s => Identifiers.Literal(s),
            char c => SymbolDisplay.FormatLiteral(c, quote: true),
            float f => float.IsNaN(f) ? "float.NaN" : float.IsPositiveInfinity(f) ? "float.PositiveInfinity" : float.IsNegativeInfinity(f) ? "float.NegativeInfinity" : f.ToString("R", CultureInfo.InvariantCulture) + "F",
            double d => double.IsNaN(d) ? "double.NaN" : double.IsPositiveInfinity(d) ? "double.PositiveInfinity" : double.IsNegativeInfinity(d) ? "double.NegativeInfinity" : d.ToString("R", CultureInfo.InvariantCulture) + "D",
            decimal m => m.ToString(CultureInfo.InvariantCulture) + "M",
            long l => l.ToString(CultureInfo.InvariantCulture) + "L",
            ulong ul => ul.ToString(CultureInfo.InvariantCulture) + "UL",
            uint ui => ui.ToString(CultureInfo.InvariantCulture) + "U",
            int or short or ushort or byte or sbyte => Convert.ToString(value, CultureInfo.InvariantCulture),
            _ => null,
        };
    }

    private static string Number(object value)
    {
        var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "0";
        return text.StartsWith("-", StringComparison.Ordinal) ? "(" + text + ")" : text;
    }
}
