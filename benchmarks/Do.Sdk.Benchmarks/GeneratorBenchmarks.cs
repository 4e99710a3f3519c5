using System.Reflection;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Do.Benchmarks;

/// <summary>
/// Source generator run time and allocations on 10, 100 and 1,000 nouns. Cold: a fresh compilation and driver
/// (nothing cached, binding included). Cached: a driver that already ran, re-run after an edit to an unrelated file,
/// which an incremental generator should mostly skip. Baseline: System.Text.Json's source generator (from the
/// targeting pack) over the same types, one <c>[JsonSerializable]</c> each.
/// </summary>
[BenchmarkCategory("Generator")]
public class GeneratorBenchmarks
{
    private static readonly CSharpParseOptions s_parse = new(LanguageVersion.Preview);
    private static readonly MetadataReference[] s_references = LoadReferences();

    private SyntaxTree[] _stjTrees = null!;
    private SyntaxTree _unrelated = null!;
    private SyntaxTree _unrelatedEdited = null!;
    private IIncrementalGenerator _stj = null!;
    private GeneratorDriver _stjWarm = null!;
    private Compilation _stjEdited = null!;
    private SyntaxTree[] _doTrees = null!;
    private GeneratorDriver _doWarm = null!;
    private Compilation _doEdited = null!;

    [Params(10, 100, 1_000)]
    public int Nouns { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _unrelated = CSharpSyntaxTree.ParseText("namespace Bench; public static class Unrelated { public static int Value => 1; }", s_parse, "Unrelated.cs");
        _unrelatedEdited = CSharpSyntaxTree.ParseText("namespace Bench; public static class Unrelated { public static int Value => 2; }", s_parse, "Unrelated.cs");
        _stj = LoadSystemTextJsonGenerator();
        _stjTrees = [.. Sources(Nouns, doNouns: false).Select(s => CSharpSyntaxTree.ParseText(s.Text, s_parse, s.Path)), _unrelated];
        _stjWarm = Driver(_stj).RunGenerators(Compile(_stjTrees));
        _stjEdited = Compile(_stjTrees).ReplaceSyntaxTree(_unrelated, _unrelatedEdited);
        Check(_stjWarm);
        _doTrees = [.. Sources(Nouns, doNouns: true).Select(s => CSharpSyntaxTree.ParseText(s.Text, s_parse, s.Path)), _unrelated];
        _doWarm = Driver(new Do.Sdk.Generators.NounGenerator()).RunGenerators(Compile(_doTrees));
        _doEdited = Compile(_doTrees).ReplaceSyntaxTree(_unrelated, _unrelatedEdited);
        Check(_doWarm);
    }

    [Benchmark(Baseline = true)]
    public GeneratorDriver Stj_Cold() => Driver(_stj).RunGenerators(Compile(_stjTrees));

    [Benchmark]
    public GeneratorDriver Stj_Cached() => _stjWarm.RunGenerators(_stjEdited);

    [Benchmark]
    public GeneratorDriver Do_Cold() => Driver(new Do.Sdk.Generators.NounGenerator()).RunGenerators(Compile(_doTrees));

    [Benchmark]
    public GeneratorDriver Do_Cached() => _doWarm.RunGenerators(_doEdited);

    /// <summary>A cold run of another build of the Do generator over the same nouns, for <see cref="GeneratorProfile"/>.</summary>
    internal GeneratorDriver Cold(IIncrementalGenerator generator) => Driver(generator).RunGenerators(Compile(_doTrees));

    /// <summary>A cold run with step tracking, for <see cref="GeneratorProfile"/>'s breakdown (not a benchmark).</summary>
    internal GeneratorDriver Stj_Tracked() => Driver(_stj, track: true).RunGenerators(Compile(_stjTrees));

    /// <summary>A cold run with step tracking, for <see cref="GeneratorProfile"/>'s breakdown (not a benchmark).</summary>
    internal GeneratorDriver Do_Tracked() => Driver(new Do.Sdk.Generators.NounGenerator(), track: true).RunGenerators(Compile(_doTrees));

    private static CSharpGeneratorDriver Driver(IIncrementalGenerator generator, bool track = false)
        => CSharpGeneratorDriver.Create([generator.AsSourceGenerator()], parseOptions: s_parse, driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: track));

    private static CSharpCompilation Compile(IEnumerable<SyntaxTree> trees)
        => CSharpCompilation.Create("Bench", trees, s_references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    private static void Check(GeneratorDriver driver)
    {
        var result = driver.GetRunResult();
        if (result.GeneratedTrees.Length == 0 || result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            throw new InvalidOperationException($"The generator produced {result.GeneratedTrees.Length} files and these errors: {string.Join("; ", result.Diagnostics)}");
        }
    }

    /// <summary>The same N types for both generators: the Do form ([Noun], [Verb]) or plain classes with a JsonSerializerContext.</summary>
    private static IEnumerable<(string Path, string Text)> Sources(int count, bool doNouns)
    {
        var context = new StringBuilder("using System.Text.Json.Serialization;\nnamespace Bench;\n");
        for (int i = 0; i < count; i++)
        {
            var attribute = doNouns ? "[Do.Noun]\n" : "";
            var verb = doNouns ? "    [Do.Verb] public void Prioritize(int by = 1) => Priority += by;\n" : "";
            yield return ($"Noun{i}.cs", $$"""
                namespace Bench;
                {{attribute}}public partial class Noun{{i}}
                {
                    public string Name { get; set; } = "";
                    public int Priority { get; set; }
                    public System.Collections.Generic.List<string> Tags { get; set; } = [];
                {{verb}}}
                """);
            context.Append("[JsonSerializable(typeof(Noun").Append(i).Append("))]\n");
        }

        if (!doNouns)
        {
            yield return ("BenchJsonContext.cs", context.Append("internal partial class BenchJsonContext : JsonSerializerContext { }\n").ToString());
        }
    }

    private static MetadataReference[] LoadReferences()
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return [.. platform.Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Append(typeof(DoHost).Assembly.Location)
            .Select(p => MetadataReference.CreateFromFile(p))];
    }

    /// <summary>System.Text.Json's generator as the SDK ships it, from the targeting pack of the running runtime.</summary>
    private static IIncrementalGenerator LoadSystemTextJsonGenerator()
    {
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;                  // <root>/shared/Microsoft.NETCore.App/<v>
        var root = Path.GetFullPath(Path.Combine(runtime, "..", "..", ".."));
        var packs = Path.Combine(root, "packs", "Microsoft.NETCore.App.Ref");
        var path = Directory.EnumerateDirectories(packs)
            .OrderByDescending(d => Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : new Version())
            .Select(d => Path.Combine(d, "analyzers", "dotnet", "cs", "System.Text.Json.SourceGeneration.dll"))
            .FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"System.Text.Json.SourceGeneration.dll was not found under {packs}.");
        var type = Assembly.LoadFrom(path).GetTypes().Single(t => typeof(IIncrementalGenerator).IsAssignableFrom(t) && !t.IsAbstract);
        return (IIncrementalGenerator)Activator.CreateInstance(type)!;
    }
}
