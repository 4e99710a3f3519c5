using System.Globalization;

namespace Do.Benchmarks.Support;

/// <summary>
/// A data folder with <c>count</c> objects, each holding one Startup (<c>acme</c>), all closed. Kept under the temp
/// path, keyed by the schema version, and reused by later cases and processes (creating 10,000 objects takes a while).
/// </summary>
public static class ActivationFixture
{
    private static readonly Lock s_lock = new();

    public static string[] Namespaces(int count)
        => [.. Enumerable.Range(0, count).Select(i => $"https://o{i.ToString(CultureInfo.InvariantCulture)}.bench.example")];

    /// <summary>The database files of <paramref name="namespaces"/> in the fixture's data folder.</summary>
    public static string[] Files(string dataPath, string[] namespaces)
        => [.. namespaces.Select(ns => Hosting.ObjectPaths.Resolve(dataPath, Hosting.ObjectPaths.RelativeFile(ObjectNamespace.Parse(ns))))];

    /// <summary>The raw side of the activation comparison: open with <c>ObjectDatabase</c>'s pragmas, read one row; the caller closes it.</summary>
    public static Microsoft.Data.Sqlite.SqliteConnection OpenAndRead(string file)
    {
        var connection = BenchHost.OpenRaw(file, SynchronousMode.Normal);
        using var read = connection.CreateCommand();
        read.CommandText = "SELECT data FROM things WHERE version = 1";
        _ = read.ExecuteScalar();
        return connection;
    }

    public static string DataPath(int count)
    {
        var build = FixtureKey.Value;
        var folder = Path.Combine(Path.GetTempPath(), "do-sdk-bench", $"objects-{count}-{build}");
        var ready = Path.Combine(folder, "ready");
        var data = Path.Combine(folder, "data");
        lock (s_lock)
        {
            if (!File.Exists(ready))
            {
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }

                Build(data, count).GetAwaiter().GetResult();
                File.WriteAllText(ready, count.ToString(CultureInfo.InvariantCulture));
            }
        }

        return data;
    }

    private static async Task Build(string data, int count)
    {
        // Few objects open at a time: the point is files on disk, not active objects.
        await using var host = await BenchHost.StartAsync(data, SynchronousMode.Normal, maxActiveObjects: 64);
        var namespaces = Namespaces(count);
        await Parallel.ForEachAsync(namespaces, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (ns, token) =>
        {
            var obj = host.Object<Business>(ns);
            await obj.Collection<Startup>().Create("acme", new Startup { Name = "Acme" }, token);
            await host.DeactivateAsync(ns, token);
        });
    }
}
