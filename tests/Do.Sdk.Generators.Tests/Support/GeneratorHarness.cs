using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Do.Sdk.Generators.Tests.Support;

/// <summary>Builds consumer compilations (runtime referenced, C# 14, nullable on, warnings as errors) and runs the generator on them.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp14, DocumentationMode.Diagnose);

    // What ImplicitUsings gives a console app, so test sources read like user code.
    private const string GlobalUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(() =>
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).ToList();
        paths.Add(typeof(Do.DoHost).Assembly.Location);
        return [.. paths.Distinct().Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    });

    public static CSharpCompilation Compile(params string[] sources)
        => CSharpCompilation.Create(
            "Consumer",
            [CSharpSyntaxTree.ParseText(GlobalUsings, ParseOptions, path: "GlobalUsings.cs"), .. sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Source{i}.cs"))],
            s_references.Value,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                generalDiagnosticOption: ReportDiagnostic.Error,
                warningLevel: 9999));

    public static GeneratorDriver Driver()
        => CSharpGeneratorDriver.Create(
            [new NounGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator once; returns its result and the compilation with the generated files.</summary>
    public static (GeneratorDriverRunResult Result, Compilation Output) Run(Compilation compilation)
    {
        var driver = Driver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        return (driver.GetRunResult(), output);
    }

    /// <summary>Diagnostics a user would see (hidden ones, like unused usings, left out), readable.</summary>
    public static string[] Problems(Compilation compilation)
        => [.. compilation.GetDiagnostics()
            .Where(d => d.Severity != DiagnosticSeverity.Hidden)
            // Test sources do not document themselves; generated files must (DocumentationMode.Diagnose checks them).
            .Where(d => !(d.Id == "CS1591" && d.Location.SourceTree?.FilePath.StartsWith("Source", StringComparison.Ordinal) == true))
            .Select(d => $"{d.Id} {d.Location.SourceTree?.FilePath}{d.Location.GetLineSpan().StartLinePosition}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")];

    /// <summary>Asserts the generator ran without throwing and that the consumer compilation has no diagnostics.</summary>
    public static void AssertCompilesClean(GeneratorDriverRunResult result, Compilation output)
    {
        AssertDidNotThrow(result);
        var problems = Problems(output);
        Assert.True(problems.Length == 0, "The consumer compilation has diagnostics:\n" + string.Join("\n", problems));
    }

    public static void AssertDidNotThrow(GeneratorDriverRunResult result)
    {
        Assert.All(result.Results, r => Assert.Null(r.Exception));
        Assert.Empty(result.Diagnostics);
    }
}
