using System.Collections;
using System.Reflection;
using Do.Sdk.Generators.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Do.Sdk.Generators.Tests;

public sealed class IncrementalTests
{
    private static readonly string[] s_tracked =
    [
        TrackingNames.Nouns,
        TrackingNames.Objects,
        TrackingNames.NounEntries,
        TrackingNames.ObjectEntries,
        TrackingNames.Registry,
    ];

    [Fact]
    public void A_rerun_leaves_every_step_cached_or_unchanged()
    {
        var compilation = GeneratorHarness.Compile(Sources.IssueProgram, Sources.ObjectLevelVerbs);
        var driver = GeneratorHarness.Driver().RunGenerators(compilation);

        var result = driver.RunGenerators(compilation.Clone()).GetRunResult().Results[0];

        AssertAllSteps(result, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        AssertAllOutputs(result, IncrementalStepRunReason.Cached);
    }

    [Fact]
    public void An_unrelated_edit_leaves_outputs_unchanged()
    {
        const string unrelated = "namespace Elsewhere; public sealed partial class Unrelated : System.Exception { public int Value { get; set; } }";
        var compilation = GeneratorHarness.Compile(Sources.IssueProgram, Sources.ObjectLevelVerbs, unrelated);
        var driver = GeneratorHarness.Driver().RunGenerators(compilation);
        var edited = Replace(compilation, "Source2.cs", unrelated.Replace("public int Value { get; set; }", "public int Value { get; set; } public string Other => \"edited\";", StringComparison.Ordinal))
            .AddSyntaxTrees(CSharpSyntaxTree.ParseText("public sealed class Added { }", GeneratorHarness.ParseOptions, path: "Added.cs"));

        var result = driver.RunGenerators(edited).GetRunResult().Results[0];

        AssertAllSteps(result, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        AssertAllOutputs(result, IncrementalStepRunReason.Cached);
    }

    [Fact]
    public void Adding_a_property_changes_only_that_nouns_outputs()
    {
        var compilation = GeneratorHarness.Compile(Sources.IssueProgram);
        var driver = GeneratorHarness.Driver().RunGenerators(compilation);
        var before = GeneratedText(driver.GetRunResult());
        var edited = Replace(compilation, "Source0.cs", Sources.IssueProgram.Replace(
            "[Indexed] public string Email { get; set; } = \"\";",
            "[Indexed] public string Email { get; set; } = \"\";\n    public int Age { get; set; }",
            StringComparison.Ordinal));

        driver = driver.RunGenerators(edited);
        var result = driver.GetRunResult().Results[0];
        var after = GeneratedText(driver.GetRunResult());

        var nouns = result.TrackedSteps[TrackingNames.Nouns].SelectMany(s => s.Outputs).ToList();
        Assert.Single(nouns, o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Single(nouns, o => o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
        Assert.All(result.TrackedSteps[TrackingNames.Registry].SelectMany(s => s.Outputs), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"Registry: {o.Reason}"));
        var changed = before.Keys.Where(k => before[k] != after[k]).ToList();
        Assert.Equal(["Studio.App.Customer.Noun.g.cs"], changed);
        Assert.Contains("\"Age\"", after["Studio.App.Customer.Noun.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void No_step_output_holds_a_symbol_syntax_node_or_compilation()
    {
        var compilation = GeneratorHarness.Compile(Sources.IssueProgram, Sources.AllPropertyTypes, Sources.ObjectLevelVerbs, Sources.ParametersWithDefaults);
        var result = GeneratorHarness.Driver().RunGenerators(compilation).GetRunResult().Results[0];

        foreach (var name in s_tracked)
        {
            Assert.True(result.TrackedSteps.TryGetValue(name, out var steps), $"No step is tracked as {name}.");
            foreach (var step in steps)
            {
                foreach (var (value, _) in step.Outputs)
                {
                    AssertHoldsNoRoslynObjects(value, name, new HashSet<object>(ReferenceEqualityComparer.Instance));
                }
            }
        }
    }

    private static void AssertAllSteps(GeneratorRunResult result, params IncrementalStepRunReason[] allowed)
    {
        foreach (var name in s_tracked)
        {
            foreach (var output in result.TrackedSteps[name].SelectMany(s => s.Outputs))
            {
                Assert.True(allowed.Contains(output.Reason), $"{name} ran as {output.Reason}.");
            }
        }
    }

    private static void AssertAllOutputs(GeneratorRunResult result, IncrementalStepRunReason expected)
    {
        Assert.NotEmpty(result.TrackedOutputSteps);
        foreach (var (name, steps) in result.TrackedOutputSteps)
        {
            foreach (var output in steps.SelectMany(s => s.Outputs))
            {
                Assert.True(output.Reason == expected, $"{name} ran as {output.Reason}.");
            }
        }
    }

    private static Compilation Replace(Compilation compilation, string path, string text)
    {
        var old = compilation.SyntaxTrees.Single(t => t.FilePath == path);
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(text, GeneratorHarness.ParseOptions, path: path));
    }

    private static Dictionary<string, string> GeneratedText(GeneratorDriverRunResult result)
        => result.Results.SelectMany(r => r.GeneratedSources).ToDictionary(s => s.HintName, s => s.SourceText.ToString());

    private static void AssertHoldsNoRoslynObjects(object? node, string path, HashSet<object> seen)
    {
        if (node is null or string || node.GetType().IsPrimitive || node is Enum)
        {
            return;
        }

        Assert.False(
            node is ISymbol or SyntaxNode or SyntaxTree or Compilation or SemanticModel or SyntaxToken or Location,
            $"{path} holds a {node.GetType().FullName}.");
        var type = node.GetType();
        if (!type.IsValueType && !seen.Add(node))
        {
            return;
        }

        if (node is IEnumerable items)
        {
            int i = 0;
            foreach (var item in items)
            {
                AssertHoldsNoRoslynObjects(item, $"{path}[{i++}]", seen);
            }
        }

        for (var current = type; current is not null && current != typeof(object); current = current.BaseType)
        {
            foreach (var field in current.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (field.FieldType.IsPointer || field.FieldType.IsByRefLike)
                {
                    continue;
                }

                AssertHoldsNoRoslynObjects(field.GetValue(node), $"{path}.{field.Name}", seen);
            }
        }
    }
}
