using System.Reflection;
using System.Runtime.Loader;
using Do.Sdk.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Do.Sdk.Analyzers.Tests;

/// <summary>The analyzer as the compiler loads it: from its own folder, with its dependencies beside it.</summary>
public sealed class AnalyzerProjectTests
{
    [Fact]
    public async Task Analyzer_runs_with_Cronos_loaded_from_its_own_folder()
    {
        var folder = BuildPaths.AnalyzerOutput;
        Assert.True(File.Exists(Path.Combine(folder, "Cronos.dll")), $"Cronos.dll must be copied beside the analyzer in {folder}");

        var context = new AnalyzerFolderLoadContext(folder);
        try
        {
            var assembly = context.LoadFromAssemblyPath(Path.Combine(folder, "Do.Sdk.Analyzers.dll"));
            var analyzer = (DiagnosticAnalyzer)Activator.CreateInstance(assembly.GetType("Do.Sdk.Analyzers.CronExpressionAnalyzer", throwOnError: true)!)!;

            const string source = """
                using Do;

                public partial class Studio : Business
                {
                    protected override void Configure(Context ctx) => ctx.Every.Cron("61 * * * *", c => c.Send("tick"));
                }
                """;
            var compilation = CSharpCompilation.Create(
                "User",
                [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp14))],
                [.. FrameworkReferences.All, DoRuntimeStub.Reference],
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

            var diagnostics = await compilation.WithAnalyzers([analyzer]).GetAnalyzerDiagnosticsAsync();

            Assert.Equal("DO0005", Assert.Single(diagnostics).Id);
            Assert.Contains(context.Assemblies, a => a.GetName().Name == "Cronos");
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>Like the compiler's loader: Roslyn and the framework are shared, the rest comes from the analyzer's folder.</summary>
    private sealed class AnalyzerFolderLoadContext(string folder) : AssemblyLoadContext("Do.Sdk.Analyzers", isCollectible: true)
    {
        protected override Assembly? Load(AssemblyName assemblyName)
        {
            var name = assemblyName.Name ?? "";
            if (name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
            {
                return null;
            }

            var path = Path.Combine(folder, name + ".dll");
            return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }
}
