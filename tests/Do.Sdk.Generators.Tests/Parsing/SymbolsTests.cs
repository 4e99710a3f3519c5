using Do.Sdk.Generators.Naming;
using Do.Sdk.Generators.Parsing;
using Do.Sdk.Generators.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Do.Sdk.Generators.Tests.Parsing;

public sealed class SymbolsTests
{
    private const string Source = """
        #nullable enable
        using System;
        using System.Collections.Generic;

        public class Global { public class Nested { } }
        public class @class { }
        public class record { }

        namespace A.B.C
        {
            public class Plain { public struct InStruct { } public enum InEnum { X } public interface IIn { } }
            public struct Value { }
            public enum Mode { Off, On }
            public interface IShape { }
            public record Rec(int X);
            public record struct RecStruct(int X);
            public delegate void Handler(int x);
            public class Generic<T> { public class InGeneric { } }
            public class Under_score2 { }
            public class Ünicode { }
            namespace @event { public class InKeywordNamespace { } }

            public class Holder
            {
                public Plain? MaybePlain { get; set; }
                public Plain.InStruct? MaybeStruct { get; set; }
                public Guid Id { get; set; }
                public DateTimeOffset At { get; set; }
                public TimeSpan Span { get; set; }
                public List<string> Tags { get; set; } = [];
                public Dictionary<string, Plain?> Map { get; set; } = [];
                public int[] Numbers { get; set; } = [];
                public (int A, string B) Tuple { get; set; }
                public int? MaybeInt { get; set; }
                public Mode Mode { get; set; }
                public Uri? Link { get; set; }
                public object? Anything { get; set; }
                public Generic<int>.InGeneric? Inner { get; set; }
                public Missing? Broken { get; set; }
            }
        }
        """;

    [Fact]
    public void The_plain_name_is_what_the_symbol_display_writes_and_Name_agrees_with_it_on_every_type()
    {
        var compilation = GeneratorHarness.Compile(Source);
        var types = AllTypes(compilation.GlobalNamespace).ToList();
        var holder = types.Single(t => t.Name == "Holder");
        var propertyTypes = holder.GetMembers().OfType<IPropertySymbol>().Select(p => p.Type).ToList();
        int plain = 0;

        foreach (var type in types.Cast<ITypeSymbol>().Concat(propertyTypes))
        {
            var display = (type.IsReferenceType ? type.WithNullableAnnotation(NullableAnnotation.NotAnnotated) : type).ToDisplayString(Symbols.FullyQualified);
            if (Symbols.PlainName(type) is { } fast)
            {
                plain++;
                Assert.Equal(display, fast);
            }

            if (type.SpecialType is SpecialType.None)
            {
                Assert.Equal(display, Symbols.Name(type));
            }
        }

        // Most shapes take the fast path; generic, keyword-named, tuple, array, nullable-value, delegate and error types do not.
        Assert.True(plain >= 16, $"Only {plain} types took the fast path.");
        Assert.Null(Symbols.PlainName(types.Single(t => t.Name == "class")));
        Assert.Null(Symbols.PlainName(types.Single(t => t.Name == "InKeywordNamespace")));
        Assert.Null(Symbols.PlainName(types.Single(t => t.Name == "InGeneric")));
        Assert.Null(Symbols.PlainName(types.Single(t => t.Name == "Handler")));
        Assert.Equal("global::A.B.C.Plain.InStruct", Symbols.PlainName(types.Single(t => t.Name == "InStruct")));
        Assert.Equal("global::Global", Symbols.PlainName(types.Single(t => t.Name == "Global")));
    }

    [Theory]
    [InlineData("Startup")]
    [InlineData("Startup.prioritized")]
    [InlineData("a \"quoted\" label")]
    [InlineData("back\\slash")]
    [InlineData("tab\there")]
    [InlineData("line\nbreak")]
    [InlineData("caf\u00e9")]
    [InlineData("")]
    [InlineData("~ !#$%&'()*+,-./:;<=>?@[]^_`{|}")]
    public void A_literal_is_what_the_compiler_formats(string value)
        => Assert.Equal(SymbolDisplay.FormatLiteral(value, quote: true), Identifiers.Literal(value));

    private static IEnumerable<INamedTypeSymbol> AllTypes(INamespaceSymbol ns)
    {
        foreach (var member in ns.GetMembers())
        {
            if (member is INamespaceSymbol child)
            {
                foreach (var type in AllTypes(child))
                {
                    yield return type;
                }
            }
            else if (member is INamedTypeSymbol type && type.Locations.Any(l => l.IsInSource))
            {
                foreach (var nested in Nested(type))
                {
                    yield return nested;
                }
            }
        }
    }

    private static IEnumerable<INamedTypeSymbol> Nested(INamedTypeSymbol type)
        => new[] { type }.Concat(type.GetTypeMembers().SelectMany(Nested));
}
