using System.Reflection;

namespace Do.Sdk.Analyzers.Tests.Infrastructure;

/// <summary>Folders written into the test assembly by its project file.</summary>
internal static class BuildPaths
{
    public static string RepositoryRoot => Get("RepositoryRoot");

    public static string AnalyzerOutput => Get("AnalyzerOutput");

    private static string Get(string key)
    {
        foreach (var attribute in typeof(BuildPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>())
        {
            if (attribute.Key == key && attribute.Value is { } value)
            {
                return value;
            }
        }

        throw new InvalidOperationException($"The test project does not define assembly metadata '{key}'.");
    }
}
