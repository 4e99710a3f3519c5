using Do.Sdk.Generators.Tests.Support;

namespace Do.Sdk.Generators.Tests;

/// <summary>Half-typed code: the generator never throws and skips what it cannot handle. Analyzers, not the generator, explain.</summary>
public sealed class BrokenSourceTests
{
    public static TheoryData<string, string> Broken => new()
    {
        { "missing property type", "using Do; namespace A; [Noun] public partial class Startup { public Unknown Thing { get; set; } public string Name { get; set; } = \"\"; }" },
        { "missing verb parameter type", "using Do; namespace A; [Noun] public partial class Startup { [Verb] public void Go(Unknown how) { } [Verb] public void Stop() { } }" },
        { "missing base type", "using Do; namespace A; public partial class Studio : MissingBase { } [Noun] public partial class Startup : AlsoMissing { }" },
        { "missing braces", "using Do; namespace A; [Noun] public partial class Startup { public string Name { get; set; } [Verb] public void Go(int x" },
        { "missing closing brace of the class", "using Do; namespace A; [Noun] public partial class Startup { public int Priority { get; set; }" },
        { "half-typed attribute", "using Do; namespace A; [Noun(Plural = )] public partial class Startup { [Verb(Event = ] public void Go() { } }" },
        { "half-typed property", "using Do; namespace A; [Noun] public partial class Startup { public int { get; set; } public string Name { get; } }" },
        { "noun on a non-partial class", "using Do; namespace A; [Noun] public class Startup { public string Name { get; set; } = \"\"; }" },
        { "noun on a struct", "using Do; namespace A; [Noun] public partial struct Startup { public string Name { get; set; } }" },
        { "noun on a record struct", "using Do; namespace A; [Noun] public partial record struct Startup(string Name);" },
        { "generic noun", "using Do; namespace A; [Noun] public partial class Box<T> { public T? Value { get; set; } }" },
        { "noun nested in a generic class", "using Do; namespace A; public partial class Outer<T> { [Noun] public partial class Inner { public int X { get; set; } } }" },
        { "noun nested in a non-partial class", "using Do; namespace A; public class Outer { [Noun] public partial class Inner { public int X { get; set; } } }" },
        { "private nested noun", "using Do; namespace A; public partial class Outer { [Noun] private partial class Inner { public int X { get; set; } } }" },
        { "abstract and static nouns", "using Do; namespace A; [Noun] public abstract partial class Base { } [Noun] public static partial class Helpers { }" },
        { "noun without a parameterless constructor", "using Do; namespace A; [Noun] public partial class Startup { public Startup(int seed) { } public string Name { get; set; } = \"\"; }" },
        { "verbs with ref, out, in and params", "using Do; namespace A; [Noun] public partial class Startup { [Verb] public void A(ref int x) { } [Verb] public void B(out int x) { x = 1; } [Verb] public void C(in int x) { } [Verb] public void D(params string[] tags) { } }" },
        { "generic, static and value-returning verbs", "using Do; namespace A; [Noun] public partial class Startup { [Verb] public void A<T>(T x) { } [Verb] public static void B() { } [Verb] public int C() => 1; [Verb] public Task<int> D() => Task.FromResult(1); [Verb] private void E() { } }" },
        { "unsupported property types", "using Do; namespace A; [Noun] public partial class Startup { public Dictionary<string, int> Map { get; set; } = new(); public object? Anything { get; set; } public Stream? File { get; set; } public HashSet<int> Set { get; set; } = new(); public int[,] Grid { get; set; } = new int[0, 0]; public string Name { get; set; } = \"\"; }" },
        { "verb on a durable object with a missing type", "using Do; namespace A; public partial class Studio : Business { [Verb] public void Go(Missing m) { } [Verb] public void Stop() { } }" },
        { "durable object without a parameterless constructor", "using Do; namespace A; public partial class Studio : Business { public Studio(int x) { } }" },
        { "empty file", "" },
        { "attribute on a method", "using Do; namespace A; public partial class C { [Noun] public void M() { } }" },
        { "verb and noun attributes unresolved", "namespace A; [Noun] public partial class Startup { [Verb] public void Go() { } }" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void The_generator_does_not_throw(string description, string source)
    {
        var (result, _) = GeneratorHarness.Run(GeneratorHarness.Compile(source));

        Assert.True(result.Results.All(r => r.Exception is null), description);
        GeneratorHarness.AssertDidNotThrow(result);
    }

    [Theory]
    [InlineData("using Do; namespace A; [Noun] public class Startup { public string Name { get; set; } = \"\"; }")]
    [InlineData("using Do; namespace A; [Noun] public partial struct Startup { public string Name { get; set; } }")]
    [InlineData("using Do; namespace A; [Noun] public partial class Box<T> { public T? Value { get; set; } }")]
    [InlineData("using Do; namespace A; public partial class Outer { [Noun] private partial class Inner { public int X { get; set; } } }")]
    public void What_cannot_be_a_noun_generates_nothing(string source)
    {
        var (result, _) = GeneratorHarness.Run(GeneratorHarness.Compile(source));

        GeneratorHarness.AssertDidNotThrow(result);
        Assert.Empty(result.Results.SelectMany(r => r.GeneratedSources));
    }

    [Fact]
    public void Unsupported_properties_and_verbs_are_skipped_and_the_rest_compiles()
    {
        const string source = """
            using Do;
            namespace A;
            [Noun]
            public partial class Startup
            {
                public Dictionary<string, int> Map { get; set; } = new();
                public object? Anything { get; set; }
                public string Name { get; set; } = "";
                [Verb] public void Bump(ref int x) { }
                [Verb] public void Rename(string name) => Name = name;
                [Verb] public object Count() => 1;
                [Verb] public int Total() => 1;
            }
            """;

        var (result, output) = GeneratorHarness.Run(GeneratorHarness.Compile(source));

        GeneratorHarness.AssertCompilesClean(result, output);
        // One file per noun: the noun's part ends where its verbs class starts.
        var file = result.Results[0].GeneratedSources.Single(s => s.HintName == "A.Startup.Noun.g.cs").SourceText.ToString();
        var verbsStart = file.IndexOf("static class StartupVerbs", StringComparison.Ordinal);
        Assert.True(verbsStart > 0, "The noun's file has no StartupVerbs class.");
        var noun = file[..verbsStart];
        var verbs = file[verbsStart..];
        Assert.Contains("\"Name\"", noun, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Map\"", noun, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Anything\"", noun, StringComparison.Ordinal);
        Assert.Contains("\"Rename\"", verbs, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Bump\"", verbs, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Count\"", verbs, StringComparison.Ordinal);
        Assert.Contains("\"Total\"", verbs, StringComparison.Ordinal);
    }
}
