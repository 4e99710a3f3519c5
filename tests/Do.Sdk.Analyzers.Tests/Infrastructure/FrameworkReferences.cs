using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Do.Sdk.Analyzers.Tests.Infrastructure;

/// <summary>
/// The running runtime's own framework assemblies as compilation references. The testing library
/// would otherwise download a reference pack from NuGet; these are already on disk, so tests run offline.
/// </summary>
internal static class FrameworkReferences
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyAll = new(Load);

    public static ImmutableArray<MetadataReference> All => LazyAll.Value;

    private static ImmutableArray<MetadataReference> Load()
    {
        var trusted = (string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")
            ?? throw new InvalidOperationException("The runtime does not list its trusted platform assemblies.");
        // Only the shared framework: the test's own dependencies (xunit, Roslyn, ...) are not the user's.
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var references = ImmutableArray.CreateBuilder<MetadataReference>();
        foreach (var path in trusted.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (string.Equals(Path.GetDirectoryName(path), frameworkDirectory, StringComparison.Ordinal))
            {
                references.Add(MetadataReference.CreateFromFile(path));
            }
        }

        return references.ToImmutable();
    }
}
