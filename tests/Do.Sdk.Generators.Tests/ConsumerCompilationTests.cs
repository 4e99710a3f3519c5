using System.Reflection;
using Do.Sdk.Generators.Tests.Support;

namespace Do.Sdk.Generators.Tests;

/// <summary>Generated code compiles with nullable on, C# 14, warnings as errors and documentation checked, all inputs at once.</summary>
public sealed class ConsumerCompilationTests
{
    private static readonly string[] s_all = [.. typeof(Sources)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)];

    [Fact]
    public void Every_input_together_compiles_and_emits_without_diagnostics()
    {
        var (result, output) = GeneratorHarness.Run(GeneratorHarness.Compile(s_all));

        GeneratorHarness.AssertCompilesClean(result, output);
        using var pe = new MemoryStream();
        // The test sources have no XML docs of their own; generated docs were checked above.
        var emitted = output.WithOptions(output.Options.WithSpecificDiagnosticOptions([new("CS1591", Microsoft.CodeAnalysis.ReportDiagnostic.Suppress)])).Emit(pe);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        Assert.True(s_all.Length >= 13);
    }

    [Fact]
    public void Without_the_generator_the_issue_program_does_not_compile()
    {
        // The typed DSL (ctx.Startups, ctx.On.Customer, studio.Startup("acme").Prioritize) exists only in generated code.
        var problems = GeneratorHarness.Problems(GeneratorHarness.Compile(Sources.IssueProgram));

        Assert.NotEmpty(problems);
    }
}
