using System.IO.Compression;
using System.Xml.Linq;
using Do.Sdk.Package.Tests.Infrastructure;

namespace Do.Sdk.Package.Tests;

/// <summary>What is inside the one Do.Sdk package, and what it asks its consumers to restore.</summary>
[Collection(PackageFixture.Collection)]
public sealed class PackageLayoutTests(PackageFixture package)
{
    private const string AnalyzerFolder = "analyzers/dotnet/cs/";

    [Theory]
    [InlineData("lib/net10.0/Do.Sdk.dll")]
    [InlineData("lib/net10.0/Do.Sdk.xml")]
    [InlineData(AnalyzerFolder + "Do.Sdk.Generators.dll")]
    [InlineData(AnalyzerFolder + "Do.Sdk.Analyzers.dll")]
    [InlineData(AnalyzerFolder + "Do.Sdk.CodeFixes.dll")]
    [InlineData(AnalyzerFolder + "Cronos.dll")]
    [InlineData("README.md")]
    public void The_package_contains(string entry)
    {
        var entries = Entries(package.PackagePath);

        Assert.Contains(entry, entries);
    }

    [Fact]
    public void Roslyn_components_come_without_the_compiler()
    {
        var entries = Entries(package.PackagePath);

        Assert.DoesNotContain(entries, e => Path.GetFileName(e).StartsWith("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal) && !e.StartsWith("lib/net10.0/Do.Sdk.", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_assembly_a_Roslyn_component_loads_from_its_folder_is_packed_beside_it()
    {
        var packed = Entries(package.PackagePath)
            .Where(e => e.StartsWith(AnalyzerFolder, StringComparison.Ordinal))
            .Select(e => e[AnalyzerFolder.Length..])
            .ToHashSet(StringComparer.Ordinal);

        foreach (var output in BuildPaths.RoslynComponentOutputs())
        {
            Assert.True(Directory.Exists(output), $"{output} does not exist; build the solution in {BuildPaths.Configuration} first.");
            foreach (var assembly in Directory.EnumerateFiles(output, "*.dll"))
            {
                Assert.True(
                    packed.Contains(Path.GetFileName(assembly)),
                    $"{assembly} is in a Roslyn component's build output but not in {AnalyzerFolder} of the package (packed: {string.Join(", ", packed)}). Add it to _PackRoslynComponents in src/Do.Sdk/Do.Sdk.csproj.");
            }
        }
    }

    [Fact]
    public void The_package_readme_is_PACKAGE_md()
    {
        _ = package.Pack;
        using var archive = ZipFile.OpenRead(package.PackagePath);
        using var reader = new StreamReader(archive.GetEntry("README.md")!.Open());

        Assert.Equal(File.ReadAllText(Path.Combine(BuildPaths.RepositoryRoot, "src", "Do.Sdk", "PACKAGE.md")), reader.ReadToEnd());
        Assert.Equal("README.md", Metadata("readme").Value);
    }

    [Theory]
    [InlineData("Microsoft.Data.Sqlite")]
    [InlineData("Polly.Core")]
    [InlineData("Cronos")]
    [InlineData("Microsoft.Extensions.DependencyInjection.Abstractions")]
    [InlineData("Microsoft.Extensions.Hosting.Abstractions")]
    [InlineData("Microsoft.Extensions.Logging.Abstractions")]
    public void The_runtime_dependencies_are_package_dependencies(string id)
    {
        Assert.Contains(id, Dependencies("net10.0"));
    }

    [Theory]
    [InlineData("Dapper")] // emits IL at run time: the runtime publishes with Native AOT without it
    [InlineData("Microsoft.CodeAnalysis.BannedApiAnalyzers")] // a build-time check of the runtime's own code
    public void Build_only_and_AOT_unsafe_packages_are_not_dependencies(string id)
    {
        Assert.DoesNotContain(id, Dependencies(framework: null));
    }

    [Fact]
    public void Neither_Roslyn_nor_the_Roslyn_components_are_package_dependencies()
    {
        var dependencies = Dependencies(framework: null);

        Assert.DoesNotContain(dependencies, id => id.StartsWith("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(dependencies, id => id.StartsWith("Do.Sdk", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_package_names_its_repository_for_SourceLink()
    {
        var repository = Metadata("repository");

        Assert.Equal("git", (string?)repository.Attribute("type"));
        Assert.StartsWith("https://", (string?)repository.Attribute("url"), StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{40}$", (string?)repository.Attribute("commit") ?? "");
    }

    [Fact]
    public void Symbols_for_the_runtime_come_in_a_snupkg()
    {
        Assert.Contains("lib/net10.0/Do.Sdk.pdb", Entries(package.SymbolsPackagePath));
    }

    private List<string> Entries(string packagePath)
    {
        _ = package.Pack;
        using var archive = ZipFile.OpenRead(packagePath);
        return [.. archive.Entries.Select(e => e.FullName)];
    }

    private XElement Metadata(string name)
    {
        var nuspec = Nuspec();
        return nuspec.Root!.Element(nuspec.Root.Name.Namespace + "metadata")!.Element(nuspec.Root.Name.Namespace + name)
            ?? throw new InvalidOperationException($"The nuspec has no <{name}>:\n{nuspec}");
    }

    private List<string> Dependencies(string? framework)
    {
        var nuspec = Nuspec();
        var ns = nuspec.Root!.Name.Namespace;
        return [.. nuspec.Descendants(ns + "group")
            .Where(g => framework is null || (string?)g.Attribute("targetFramework") == framework)
            .Elements(ns + "dependency")
            .Select(d => (string)d.Attribute("id")!)];
    }

    private XDocument Nuspec()
    {
        _ = package.Pack;
        using var archive = ZipFile.OpenRead(package.PackagePath);
        var entry = archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/', StringComparison.Ordinal));
        using var stream = entry.Open();
        return XDocument.Load(stream);
    }
}
