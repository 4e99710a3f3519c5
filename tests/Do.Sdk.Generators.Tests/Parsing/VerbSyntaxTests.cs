using Do.Sdk.Generators.Model;
using Do.Sdk.Generators.Parsing;
using Do.Sdk.Generators.Tests.Support;
using Microsoft.CodeAnalysis;

namespace Do.Sdk.Generators.Tests.Parsing;

public sealed class VerbSyntaxTests
{
    // Verb signatures the syntax reader takes, and shapes it must leave to the compiler (aliases, enums, negatives,
    // nullable annotations, ref and params, generics, statics, partial methods, other attributes, non-void returns).
    private const string Source = """
        using Do;
        using V = Do.VerbAttribute;
        namespace A;
        public enum Mode { Off, On }
        public partial class Thing
        {
            public int Count { get; set; }
            [Verb] public void Plain() { }
            [Verb] public void Ints(int a, long b = 2, short c = 3, int hex = 0x1F) { }
            [Verb(Event = "bumped", Retries = 3, TimeoutMilliseconds = 500, RequiresApproval = true)] public void Named(int by = 1) { }
            [Verb(Retries = 0)] public void NoRetries() { }
            [Do.Verb] public void Qualified(string text, string label = "a \"quoted\" label") { }
            [global::Do.VerbAttribute] internal void Full(bool flag = true, char mark = 'x', double ratio = 0.5, decimal price = 1) { }
            [V] public void Aliased(byte small = 200, sbyte tiny = 5, ushort half = 7, uint unsigned = 9, ulong huge = 10UL, float gain = 1.5f) { }
            [Verb, System.Obsolete] public void WithObsolete(string note = "x") { }
            [Verb] public void Escaped(int @class = 1) { }
            [Verb] public virtual void Virtual(int by = 1) { }
            [Verb] public void Prioritize(int by = 1) => Count += by;
            [Verb(Event = "  ")] public void BlankEvent() { }
            [Verb] public void Negative(int n = -1) { }
            [Verb] public void Constant(int n = int.MaxValue) { }
            [Verb] public void EnumDefault(Mode mode = Mode.On) { }
            [Verb] public void NullableText(string? note = null) { }
            [Verb] public void NullableNumber(int? n = null) { }
            [Verb] public void DefaultKeyword(int n = default) { }
            [Verb] public void Widened(float gain = 1) { }
            [Verb] public void Objects(object value) { }
            [Verb] public void Listed(System.Collections.Generic.List<string> tags) { }
            [Verb] public void Referenced(ref int value) { }
            [Verb] public void Many(params int[] values) { }
            [Verb] public void WithContext(Context ctx, int by = 1) { }
            [Verb] public int Returns(int x) => x;
            [Verb] public System.Threading.Tasks.Task Later() => System.Threading.Tasks.Task.CompletedTask;
            [Verb] public static void Static() { }
            [Verb] public void Generic<T>() { }
            [Verb] public void All() { }
            [Verb] private void Hidden() { }
            [Verb] public partial void Part(int by);
            public partial void Part(int by) { }
            [System.Obsolete] public void NotAVerb() { }
            public void NoAttributes(int by = 1) { }
            [Other.Verb] public void SomeoneElses(int by = 1) { }
        }
        """;

    private const string OtherVerb = """
        namespace Other;
        public sealed class VerbAttribute : System.Attribute { }
        """;

    [Fact]
    public void A_verb_read_from_syntax_is_the_verb_the_symbol_gives()
    {
        var (compilation, methods) = Methods();
        var model = compilation.GetSemanticModel(compilation.SyntaxTrees.First(t => t.FilePath == "Source0.cs"));
        var read = new List<string>();
        foreach (var method in methods)
        {
            if (Symbols.FindAttribute(method, TypeSupport.VerbAttributeName) is not { } attribute
                || !VerbSyntax.TryRead(method, attribute, model, new JsonTypeCollector(), out var fromSyntax))
            {
                continue;
            }

            read.Add(method.Name);
            var fromSymbol = VerbParser.Parse(method, attribute, new JsonTypeCollector());
            Assert.True(Equals(fromSymbol, fromSyntax), $"{method.Name}: the symbol gives {fromSymbol}, the syntax {fromSyntax}");
        }

        Assert.Equal(
            ["Plain", "Ints", "Named", "NoRetries", "Qualified", "Full", "Aliased", "WithObsolete", "Escaped", "Virtual", "Prioritize", "BlankEvent"],
            read);
    }

    [Fact]
    public void Signatures_that_need_the_compiler_are_not_read_from_syntax()
    {
        var (compilation, methods) = Methods();
        var model = compilation.GetSemanticModel(compilation.SyntaxTrees.First(t => t.FilePath == "Source0.cs"));
        var skipped = methods
            .Where(m => Symbols.FindAttribute(m, TypeSupport.VerbAttributeName) is { } attribute && !VerbSyntax.TryRead(m, attribute, model, new JsonTypeCollector(), out _))
            .Select(m => m.Name)
            .Distinct()
            .ToList();

        Assert.Equal(
            ["Negative", "Constant", "EnumDefault", "NullableText", "NullableNumber", "DefaultKeyword", "Widened", "Objects", "Listed", "Referenced", "Many", "WithContext", "Returns", "Later", "Static", "Generic", "All", "Hidden", "Part"],
            skipped);
    }

    [Fact]
    public void Only_a_method_without_attributes_is_ruled_out_by_syntax()
    {
        var (_, methods) = Methods();

        var ruledOut = methods.Where(VerbSyntax.HasNoAttributes).Select(m => m.Name).ToList();

        Assert.Equal(["NoAttributes"], ruledOut);
        Assert.All(methods.Where(VerbSyntax.HasNoAttributes), m => Assert.Empty(m.GetAttributes()));
    }

    private static (Compilation Compilation, List<IMethodSymbol> Methods) Methods()
    {
        var compilation = GeneratorHarness.Compile(Source, OtherVerb);
        var methods = compilation.GetTypeByMetadataName("A.Thing")!.GetMembers()
            .OfType<IMethodSymbol>()
            .Where(m => m.MethodKind == MethodKind.Ordinary)
            .ToList();
        return (compilation, methods);
    }
}
