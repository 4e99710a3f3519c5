using System.Reflection;

namespace Do.Sdk.Package.Tests.Infrastructure;

/// <summary>Values written into the test assembly by its project file.</summary>
internal static class BuildPaths
{
    public static string RepositoryRoot => Get("RepositoryRoot");

    /// <summary>The configuration the runtime and Roslyn components were built in, and are packed from.</summary>
    public static string Configuration => Get("Configuration");

    public static string RuntimeProject => Path.Combine(RepositoryRoot, "src", "Do.Sdk", "Do.Sdk.csproj");

    /// <summary>The testing kit's project (package <c>Do.Sdk.Testing</c>), packed beside the runtime.</summary>
    public static string TestingProject => Path.Combine(RepositoryRoot, "src", "Do.Sdk.Testing", "Do.Sdk.Testing.csproj");

    /// <summary>The Orleans integration's project (package <c>Do.Sdk.Orleans</c>), packed beside the runtime.</summary>
    public static string OrleansProject => Path.Combine(RepositoryRoot, "src", "Do.Sdk.Orleans", "Do.Sdk.Orleans.csproj");

    /// <summary>The consumer projects, copied beside the test assembly.</summary>
    public static string Consumer(string name) => Path.Combine(AppContext.BaseDirectory, "Consumers", name);

    /// <summary>The build output folder of each Roslyn component the package carries.</summary>
    public static IEnumerable<string> RoslynComponentOutputs()
    {
        yield return RoslynOutput("generators", "Do.Sdk.Generators");
        yield return RoslynOutput("analyzers", "Do.Sdk.Analyzers");
        yield return RoslynOutput("analyzers", "Do.Sdk.CodeFixes");
    }

    private static string RoslynOutput(string folder, string project)
        => Path.Combine(RepositoryRoot, folder, project, "bin", Configuration, "netstandard2.0");

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
