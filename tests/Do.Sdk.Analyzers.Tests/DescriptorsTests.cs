using System.Reflection;
using Do.Sdk.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Do.Sdk.Analyzers.Tests;

public sealed class DescriptorsTests
{
    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in All())
        {
            data.Add(descriptor.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_diagnostic_links_to_its_help_page_and_is_tracked(string id)
    {
        var descriptor = All().Single(d => d.Id == id);

        Assert.Equal($"https://github.com/do-sdk/Do.Sdk/blob/main/docs/diagnostics/{id}.md", descriptor.HelpLinkUri);
        Assert.True(File.Exists(Path.Combine(BuildPaths.RepositoryRoot, "docs", "diagnostics", id + ".md")), $"docs/diagnostics/{id}.md is missing");

        var index = File.ReadAllText(Path.Combine(BuildPaths.RepositoryRoot, "docs", "diagnostics", "README.md"));
        Assert.Contains($"[{id}]({id}.md)", index, StringComparison.Ordinal);

        var unshipped = File.ReadAllText(Path.Combine(BuildPaths.RepositoryRoot, "analyzers", "Do.Sdk.Analyzers", "AnalyzerReleases.Unshipped.md"));
        Assert.Contains($"{id} | {descriptor.Category} | {descriptor.DefaultSeverity} |", unshipped, StringComparison.Ordinal);
    }

    [Fact]
    public void Ids_are_unique_and_leave_no_gaps()
    {
        var ids = All().Select(d => d.Id).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(ids.Length, ids.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, ids.Length).Select(n => $"DO{n:0000}"), ids);
    }

    private static IEnumerable<DiagnosticDescriptor> All() =>
        typeof(Descriptors)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!);
}
