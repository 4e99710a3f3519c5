namespace Do.Benchmarks.Support;

public static class Paths
{
    /// <summary><c>benchmarks/results</c> of the repository the benchmark was built from.</summary>
    public static string Results()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Do.Sdk.sln")))
            {
                var results = Path.Combine(dir.FullName, "benchmarks", "results");
                Directory.CreateDirectory(results);
                return results;
            }
        }

        var fallback = Path.Combine(Environment.CurrentDirectory, "results");
        Directory.CreateDirectory(fallback);
        return fallback;
    }
}
