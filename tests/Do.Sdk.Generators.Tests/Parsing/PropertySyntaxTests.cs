using Do.Sdk.Generators.Model;
using Do.Sdk.Generators.Parsing;
using Do.Sdk.Generators.Tests.Support;
using Microsoft.CodeAnalysis;

namespace Do.Sdk.Generators.Tests.Parsing;

public sealed class PropertySyntaxTests
{
    // Every keyword the serializer stores, and property shapes whose type syntax alone does not settle (annotations,
    // other keywords, names that look like keywords, partial and explicit implementations, ref, nullable-oblivious code).
    private const string Source = """
        #nullable enable
        using Int32 = System.String;
        namespace A;
        public sealed class String { }
        public interface IHasName { string Name { get; } }
        public partial class Thing : IHasName
        {
            public bool Flag { get; set; }
            public byte Small { get; set; }
            public sbyte Tiny { get; set; }
            public short Half { get; set; }
            public ushort UHalf { get; set; }
            public int Count { get; set; }
            public uint UCount { get; set; }
            public long Big { get; set; }
            public ulong UBig { get; set; }
            public float Gain { get; set; }
            public double Ratio { get; set; }
            public decimal Price { get; set; }
            public char Mark { get; set; }
            public string Text { get; set; } = "";
            public static int Shared { get; set; }
            public int ReadOnly => 1;
            public string? MaybeText { get; set; }
            public int? MaybeCount { get; set; }
            public object Anything { get; set; } = new();
            public System.String Qualified { get; set; } = "";
            public String Shadowed { get; set; } = new();
            public Int32 Aliased { get; set; } = "";
            public nint Native { get; set; }
            public dynamic? Dynamic { get; set; }
            public System.Collections.Generic.List<string> Tags { get; set; } = [];
            public partial string Part { get; set; }
            public partial string Part { get => ""; set { } }
            string IHasName.Name => "";
            private int _field;
            public ref int Referenced => ref _field;
            public int this[int index] => index;
        #nullable disable
            public string Oblivious { get; set; }
            public int ObliviousCount { get; set; }
        #nullable restore
        }
        public partial class Marked
        {
            public int Bare { get; set; }
            public int Accessors { [System.Obsolete] get; [System.Obsolete] set; }
            [System.Obsolete] public int Flagged { get; set; }
            [field: System.NonSerialized] public int OnField { get; set; }
            [Do.Indexed] public int Indexed { get; set; }
            [System.Obsolete] public partial int Part { get; set; }
            public partial int Part { get => 0; set { } }
        }
        public record Positional([property: System.Obsolete] int Marked, int Plain);
        """;

    [Fact]
    public void A_keyword_property_type_read_from_syntax_is_described_as_the_bound_type()
    {
        var (compilation, properties) = Properties();
        var read = new List<string>();
        foreach (var property in properties)
        {
            var fromSyntax = new JsonTypeCollector(compilation);
            var fromSymbol = new JsonTypeCollector();
            Assert.Equal(fromSymbol.Describe(property.Type), fromSyntax.Describe(fromSyntax.PropertyType(property)));
            if (PropertySyntax.KeywordType(property) is { } special)
            {
                read.Add(property.Name);
                Assert.Equal(property.Type.SpecialType, special);
                Assert.Equal(property.Type.IsValueType, fromSyntax.PropertyType(property).IsValueType);
            }
        }

        Assert.Equal(
            ["Flag", "Small", "Tiny", "Half", "UHalf", "Count", "UCount", "Big", "UBig", "Gain", "Ratio", "Price", "Mark", "Text", "Shared", "ReadOnly", "Oblivious", "ObliviousCount"],
            read);
    }

    [Fact]
    public void Only_a_property_without_attributes_is_ruled_out_by_syntax()
    {
        var (compilation, _) = Properties();
        var properties = compilation.GetTypeByMetadataName("A.Marked")!.GetMembers().OfType<IPropertySymbol>()
            .Concat(compilation.GetTypeByMetadataName("A.Positional")!.GetMembers().OfType<IPropertySymbol>())
            .ToList();

        var ruledOut = properties.Where(PropertySyntax.HasNoAttributes).Select(p => p.Name).ToList();

        Assert.Equal(["Bare", "Accessors"], ruledOut);
        Assert.All(properties.Where(PropertySyntax.HasNoAttributes), p => Assert.Empty(p.GetAttributes()));
        // The rest are left to the compiler, even where it finds none on the property ([field: …] targets the field).
        Assert.Equal(
            ["Flagged", "OnField", "Indexed", "Part", "EqualityContract", "Marked", "Plain"],
            properties.Where(p => !PropertySyntax.HasNoAttributes(p)).Select(p => p.Name));
    }

    [Fact]
    public void Without_a_compilation_the_bound_type_is_used()
    {
        var (_, properties) = Properties();
        var count = properties.Single(p => p.Name == "Count");

        Assert.Same(count.Type, new JsonTypeCollector().PropertyType(count));
    }

    [Fact]
    public void A_property_declared_in_source_that_is_not_an_indexer_has_no_parameters()
    {
        // TypeSupport.ReadableProperties skips asking such a property for its parameters (which binds its signature).
        var (compilation, properties) = Properties();
        var fromMetadata = compilation.GetSpecialType(SpecialType.System_String).GetMembers().OfType<IPropertySymbol>();

        Assert.All(
            properties.Concat(fromMetadata).Where(p => !p.IsIndexer && !p.DeclaringSyntaxReferences.IsEmpty),
            p => Assert.Empty(p.Parameters));
        Assert.Contains(properties, p => p.IsIndexer && !p.Parameters.IsEmpty);
    }

    [Fact]
    public void The_shape_of_a_noun_is_the_same_with_and_without_syntax_reading()
    {
        var (compilation, _) = Properties();
        var thing = compilation.GetTypeByMetadataName("A.Thing")!;

        var fromSyntax = new JsonTypeCollector(compilation).Shape(thing, "Thing");
        var fromSymbol = new JsonTypeCollector().Shape(thing, "Thing");

        Assert.NotNull(fromSymbol);
        Assert.Equal(fromSymbol, fromSyntax);
    }

    private static (Compilation Compilation, List<IPropertySymbol> Properties) Properties()
    {
        var compilation = GeneratorHarness.Compile(Source);
        var properties = compilation.GetTypeByMetadataName("A.Thing")!.GetMembers().OfType<IPropertySymbol>().ToList();
        return (compilation, properties);
    }
}
