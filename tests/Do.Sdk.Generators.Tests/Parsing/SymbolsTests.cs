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
            public class Generic<T> { public class InGeneric { public class Deeper { } } }
            public class Outer { public class InnerGeneric<T> { } }
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
                public Generic<int>.InGeneric.Deeper? Deeper { get; set; }
                public Missing? Broken { get; set; }
                public List<int> Ints { get; set; } = [];
                public List<Plain> Plains { get; set; } = [];
                public List<Plain?> MaybePlains { get; set; } = [];
                public List<string?> MaybeTexts { get; set; } = [];
                public List<int?> MaybeInts { get; set; } = [];
                public IReadOnlyList<Mode> Modes { get; set; } = [];
                public IEnumerable<Value> Values { get; set; } = [];
                public List<List<string>> Nested { get; set; } = [];
                public Dictionary<string, int> Counts { get; set; } = [];
                public List<DateTime> Dates { get; set; } = [];
                public List<object> Objects { get; set; } = [];
                public List<nint> Natives { get; set; } = [];
                public List<Plain.InStruct> InStructs { get; set; } = [];
                public List<Generic<int>.InGeneric> InGenerics { get; set; } = [];
                public Generic<int> GenericInt { get; set; } = new();
                public Generic<string>? MaybeGeneric { get; set; }
                public List<@class> Keywords { get; set; } = [];
                public List<global::record> Records { get; set; } = [];
                public List<Missing> Broken2 { get; set; } = [];
                public List<(int, int)> Tuples { get; set; } = [];
                public List<int[]> Arrays { get; set; } = [];
                public Func<int, string> Function { get; set; } = x => "";
        #nullable disable
                public List<string> Oblivious { get; set; }
                public List<Plain> ObliviousPlains { get; set; }
        #nullable restore
                public Outer.InnerGeneric<int> InnerGeneric { get; set; } = new();
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

        // Generic types whose arguments are keywords or plain names take it too; annotated, generic, tuple and array
        // arguments do not.
        string? Fast(string property) => Symbols.PlainName(holder.GetMembers(property).OfType<IPropertySymbol>().Single().Type);
        Assert.Equal("global::System.Collections.Generic.List<string>", Fast("Tags"));
        Assert.Equal("global::System.Collections.Generic.Dictionary<string, int>", Fast("Counts"));
        Assert.Equal("global::System.Collections.Generic.List<global::A.B.C.Plain.InStruct>", Fast("InStructs"));
        Assert.Equal("global::System.Collections.Generic.List<global::System.DateTime>", Fast("Dates"));
        Assert.Equal("global::System.Collections.Generic.List<string>", Fast("Oblivious"));
        Assert.All(
            ["MaybePlains", "MaybeTexts", "MaybeInts", "Nested", "Natives", "InGenerics", "Keywords", "Broken2", "Tuples", "Arrays", "Deeper"],
            p => Assert.Null(Fast(p)));
    }

    [Fact]
    public void The_namespace_name_is_what_the_symbol_display_writes()
    {
        var compilation = GeneratorHarness.Compile(Source);
        var namespaces = new List<INamespaceSymbol>();
        void Walk(INamespaceSymbol ns)
        {
            namespaces.Add(ns);
            foreach (var inner in ns.GetNamespaceMembers())
            {
                Walk(inner);
            }
        }

        Walk(compilation.GlobalNamespace);

        Assert.Contains(namespaces, n => n.Name == "event");
        Assert.All(namespaces, n => Assert.Equal(n.IsGlobalNamespace ? "" : n.ToDisplayString(), Symbols.NamespaceName(n)));
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
