using Do.Sdk.Generators.Parsing;
using Do.Sdk.Generators.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Do.Sdk.Generators.Tests.Parsing;

public sealed class ObjectCandidatesTests
{
    // Every place C# lets a class be declared, classes that are no candidates next to ones that are, and members whose
    // bodies hold lambdas, local functions and anonymous types (nodes a full walk visits and the scan skips).
    private const string Shapes = """
        using Do;
        using System;

        var top = new Top();
        Console.WriteLine(top);

        public partial class Top : App { }

        public partial class NoBase { }
        public class NotPartial : Business { }
        public partial record RecordObject : Entity;
        public partial struct Value : IDisposable { public void Dispose() { } }

        namespace Outer
        {
            public partial class InBlock : Business
            {
                public int Count { get; set; }

                public void Work()
                {
                    Func<int, int> f = x => x + 1;
                    int Local(int y) => y * 2;
                    var anonymous = new { A = 1, B = Local(f(2)) };
                }

                public partial class NestedObject : Entity
                {
                    private partial class Deeper : App { }
                }

                public partial struct NestedStruct
                {
                    public partial class InStruct : Site { }
                }
            }

            namespace Inner
            {
                internal sealed partial class InInner : Worker { }

                public partial interface IShape
                {
                    public partial class InInterface : Agent { }
                }

                public partial record Holder(int X)
                {
                    public partial class InRecord : Human { }
                }
            }

            public static partial class Statics : object { }
            public abstract partial class Abstract : Business { }
            public partial class Generic<T> : Business { }
        }

        #if NEVER
        public partial class Disabled : App { }
        #endif
        """;

    private const string FileScoped = """
        namespace Scoped.Name;

        public partial class First : Do.App, System.IDisposable
        {
            public void Dispose() { }
        }

        public partial class First
        {
            public partial class Second : Do.Entity { }
        }

        public enum Mode { A, B }
        public delegate void Handler(int x);
        """;

    // Syntax errors the parser recovers from in different ways: a class inside a method body, an unclosed class, a
    // stray member at namespace level, a base list with nothing in it.
    private const string Broken = """
        namespace Broken;

        public partial class Host : Do.App
        {
            public void Method()
            {
                partial class InsideABody : Do.App { }
            }
        }

        public int Stray;

        public partial class Empty :
        {
        }

        public partial class Unclosed : Do.Entity
        {
            public void M() {
        """;

    [Theory]
    [InlineData(Shapes)]
    [InlineData(FileScoped)]
    [InlineData(Broken)]
    [InlineData("")]
    [InlineData("// only a comment")]
    public void Finds_exactly_the_classes_a_walk_over_every_node_finds(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions, path: "Shapes.cs");

        var scanned = ObjectCandidates.Find(tree, CancellationToken.None).Classes.Select(Describe).ToList();
        var walked = tree.GetRoot().DescendantNodesAndSelf().Where(n => ObjectParser.IsCandidate(n)).Select(Describe).ToList();

        Assert.Equal(walked, scanned);
    }

    [Fact]
    public void The_shapes_hold_candidates_in_every_place_a_class_can_be_declared()
    {
        var tree = CSharpSyntaxTree.ParseText(Shapes, GeneratorHarness.ParseOptions, path: "Shapes.cs");

        var names = ObjectCandidates.Find(tree, CancellationToken.None).Classes.Select(c => c.Identifier.Text).ToList();

        Assert.Equal(["Top", "InBlock", "NestedObject", "Deeper", "InStruct", "InInner", "InInterface", "InRecord", "Statics", "Abstract", "Generic"], names);
    }

    [Fact]
    public void Durable_objects_in_any_namespace_form_or_with_their_base_list_in_another_file_are_registered()
    {
        const string blockNamespaces = """
            using Do;
            namespace Outer
            {
                namespace Inner
                {
                    public partial class Deep : Business
                    {
                        [Verb] public void Ping() { }
                    }
                }
            }
            """;
        const string globalNamespace = """
            public partial class Bare : Do.App { }
            """;
        const string firstPart = """
            namespace Split;
            public partial class Halves
            {
                [Do.Verb] public void Ping() { }
            }
            """;
        const string secondPart = """
            namespace Split;
            public partial class Halves : Do.Entity { }
            """;
        var (result, output) = GeneratorHarness.Run(GeneratorHarness.Compile(blockNamespaces, globalNamespace, firstPart, secondPart));

        GeneratorHarness.AssertCompilesClean(result, output);
        var registry = result.Results[0].GeneratedSources.Single(s => s.HintName.EndsWith("Registry.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("typeof(global::Outer.Inner.Deep)", registry, StringComparison.Ordinal);
        Assert.Contains("typeof(global::Bare)", registry, StringComparison.Ordinal);
        Assert.Contains("typeof(global::Split.Halves)", registry, StringComparison.Ordinal);
        Assert.Contains("Dispatch = global::Split.HalvesVerbs.Dispatch", registry, StringComparison.Ordinal);
        Assert.Equal(3, registry.Split("new global::Do.Infrastructure.ObjectClassInfo(").Length - 1);
    }

    [Fact]
    public void An_edit_to_a_durable_objects_file_is_seen_on_the_next_run()
    {
        const string before = """
            namespace Ops;
            public partial class Console : Do.App
            {
                [Do.Verb] public void Reset() { }
            }
            """;
        var compilation = GeneratorHarness.Compile(before, "namespace Elsewhere; public static class Unrelated { }");
        var driver = GeneratorHarness.Driver().RunGenerators(compilation);
        var old = compilation.SyntaxTrees.Single(t => t.FilePath == "Source0.cs");
        var edited = compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(before.Replace("public void Reset() { }", "public void Reset() { }\n    [Do.Verb] public void Drain() { }", StringComparison.Ordinal), GeneratorHarness.ParseOptions, path: "Source0.cs"));

        var result = driver.RunGenerators(edited).GetRunResult();

        var verbs = result.Results[0].GeneratedSources.Single(s => s.HintName == "Ops.Console.Verbs.g.cs").SourceText.ToString();
        Assert.Contains("case \"Drain\":", verbs, StringComparison.Ordinal);
    }

    private static string Describe(SyntaxNode node) => $"{node.Span} {((Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax)node).Identifier.Text}";
}
