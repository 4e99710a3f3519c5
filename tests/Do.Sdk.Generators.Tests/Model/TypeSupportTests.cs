using Do.Sdk.Generators.Model;
using Do.Sdk.Generators.Parsing;
using Do.Sdk.Generators.Tests.Support;
using Microsoft.CodeAnalysis;

namespace Do.Sdk.Generators.Tests.Model;

/// <summary>
/// <see cref="TypeSupport.IsSupported"/> is what the analyzers (DO0003) report on; it must agree with what the
/// generator's <see cref="JsonTypeCollector"/> actually stores, type by type.
/// </summary>
public sealed class TypeSupportTests
{
    private const string Source = """
        using Do;
        namespace A;

        public enum Stage { Idea, Seed }
        public record Address(string Street, int Number);
        public record struct Point(double X, double Y);
        public class Mutable { public string Name { get; set; } = ""; public Dictionary<string, int> Skipped { get; set; } = new(); }
        public record BadConstructor(Dictionary<string, int> Map);
        public class NoConstructor { public NoConstructor(int seed) { } public int Value { get; set; } }
        public class Tree { public Tree? Left { get; set; } public List<Tree> Children { get; set; } = []; }
        public record Holder(Address Home, BadConstructor Broken);
        public abstract class Shape { public int Sides { get; set; } }
        public class Generic<T> { public T? Value { get; set; } }
        public partial class Outer { private record Hidden(int X); public record Visible(int X); public Hidden? H { get; set; } }
        [Noun] public partial class Employee { public string Name { get; set; } = ""; }

        public class Probe
        {
            public bool Bool { get; set; }
            public int Int { get; set; }
            public ulong ULong { get; set; }
            public decimal Decimal { get; set; }
            public char Char { get; set; }
            public string String { get; set; } = "";
            public string? NullableString { get; set; }
            public Guid Guid { get; set; }
            public DateTime DateTime { get; set; }
            public DateTimeOffset DateTimeOffset { get; set; }
            public TimeSpan TimeSpan { get; set; }
            public DateOnly DateOnly { get; set; }
            public TimeOnly TimeOnly { get; set; }
            public Stage Stage { get; set; }
            public Stage? NullableStage { get; set; }
            public int? NullableInt { get; set; }
            public int[] Array { get; set; } = [];
            public List<string> List { get; set; } = [];
            public IReadOnlyList<Address> ReadOnlyList { get; set; } = [];
            public IEnumerable<Stage?> Enumerable { get; set; } = [];
            public Address? Address { get; set; }
            public Point Point { get; set; }
            public Point? NullablePoint { get; set; }
            public Mutable Mutable { get; set; } = new();
            public Tree Tree { get; set; } = new();
            public Employee? Employee { get; set; }
            public List<Employee> Employees { get; set; } = [];
            public Outer.Visible? Visible { get; set; }

            public Dictionary<string, int> Dictionary { get; set; } = new();
            public object? Object { get; set; }
            public dynamic? Dynamic { get; set; }
            public IComparable? Interface { get; set; }
            public Stream? Stream { get; set; }
            public Func<int>? Delegate { get; set; }
            public HashSet<int> Set { get; set; } = [];
            public int[,] Grid { get; set; } = new int[0, 0];
            public int[][] Jagged { get; set; } = [];
            public List<object> ListOfObject { get; set; } = [];
            public Generic<int>? Generic { get; set; }
            public Uri? Uri { get; set; }
            public BadConstructor? BadConstructor { get; set; }
            public NoConstructor? NoConstructor { get; set; }
            public Holder? Holder { get; set; }
            public Shape? Shape { get; set; }
            public Tuple<int, int>? Tuple { get; set; }
            public (int, int) ValueTuple { get; set; }
        }
        """;

    private static readonly HashSet<string> s_supported =
    [
        "Bool", "Int", "ULong", "Decimal", "Char", "String", "NullableString", "Guid", "DateTime", "DateTimeOffset",
        "TimeSpan", "DateOnly", "TimeOnly", "Stage", "NullableStage", "NullableInt", "Array", "List", "ReadOnlyList",
        "Enumerable", "Address", "Point", "NullablePoint", "Mutable", "Tree", "Employee", "Employees", "Visible",
        "Jagged",
    ];

    public static TheoryData<string> Properties()
    {
        var data = new TheoryData<string>();
        foreach (var property in Probe().GetMembers().OfType<IPropertySymbol>())
        {
            data.Add(property.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Properties))]
    public void IsSupported_agrees_with_what_the_generator_stores(string name)
    {
        var type = ((IPropertySymbol)Probe().GetMembers(name).Single()).Type;

        var stored = new JsonTypeCollector().Describe(type) is not null;

        Assert.Equal(s_supported.Contains(name), stored);
        Assert.Equal(stored, TypeSupport.IsSupported(type));
    }

    [Fact]
    public void A_private_nested_type_is_not_reachable()
    {
        var outer = GeneratorHarness.Compile(Source).GetTypeByMetadataName("A.Outer")!;
        var hidden = (INamedTypeSymbol)((IPropertySymbol)outer.GetMembers("H").Single()).Type;

        Assert.False(TypeSupport.IsSupported(hidden));
        Assert.Null(new JsonTypeCollector().Describe(hidden));
    }

    [Theory]
    [InlineData("All", true)]
    [InlineData("Dispatch", true)]
    [InlineData("Complete", true)]
    [InlineData("complete", false)]
    [InlineData("Ship", false)]
    public void Reserved_verb_names(string name, bool reserved) => Assert.Equal(reserved, TypeSupport.IsReservedVerbName(name));

    [Theory]
    [InlineData("Do.VerbAttribute")]
    [InlineData("Do.Context")]
    [InlineData("System.Threading.CancellationToken")]
    [InlineData("System.Threading.Tasks.Task`1")]
    [InlineData("System.Collections.Generic.List`1")]
    [InlineData("System.Collections.Generic.Dictionary`2+Enumerator")]
    [InlineData("A.Outer")]
    [InlineData("A.Outer+Hidden")]
    [InlineData("A.Stage")]
    public void IsNamed_matches_the_metadata_name_and_nothing_else(string metadataName)
    {
        var compilation = GeneratorHarness.Compile(Source, "public sealed class TopLevel { public sealed class Inner { } }");
        string[] names = ["Do.VerbAttribute", "Do.Context", "System.Threading.CancellationToken", "System.Threading.Tasks.Task`1", "System.Threading.Tasks.Task",
            "System.Collections.Generic.List`1", "System.Collections.Generic.Dictionary`2+Enumerator", "A.Outer", "A.Outer+Hidden", "A.Stage", "TopLevel", "TopLevel+Inner"];
        var type = compilation.GetTypeByMetadataName(metadataName)!;

        Assert.Equal(metadataName, TypeSupport.MetadataName(type));
        foreach (var name in names.Concat(["VerbAttribute", "Do", ".Do.VerbAttribute", "X.Do.VerbAttribute", "Tasks.Task`1", "Outer+Hidden", "A.Hidden", "A+Outer", "TopLevel.Inner"]))
        {
            Assert.True((name == metadataName) == TypeSupport.IsNamed(type, name), $"IsNamed({metadataName}, {name})");
        }

        Assert.True(TypeSupport.IsNamespace(type.ContainingNamespace, metadataName[..metadataName.LastIndexOf('.')]));
        Assert.False(TypeSupport.IsNamespace(type.ContainingNamespace, "Other." + metadataName[..metadataName.LastIndexOf('.')]));
        var top = compilation.GetTypeByMetadataName("TopLevel+Inner")!;
        Assert.True(TypeSupport.IsNamed(top, "TopLevel+Inner"));
        Assert.False(TypeSupport.IsNamed(top, "A.TopLevel+Inner"));
        Assert.False(TypeSupport.IsNamespace(top.ContainingNamespace, "TopLevel"));
    }

    private static INamedTypeSymbol Probe() => GeneratorHarness.Compile(Source).GetTypeByMetadataName("A.Probe")!;
}
