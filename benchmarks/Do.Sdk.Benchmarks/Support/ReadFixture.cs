using Do.Storage;

namespace Do.Benchmarks.Support;

/// <summary>
/// A data folder whose object holds one Startup, <c>acme</c>, with a given number of versions. Building 100,000
/// versions takes seconds, so the folder is kept under the temp path, keyed by the schema version, and reused by later
/// benchmark cases and processes (a <c>ready</c> marker is written last).
/// </summary>
public static class ReadFixture
{
    private static readonly Lock s_lock = new();

    /// <summary>The data folder for <paramref name="depth"/> versions of acme, built on first use.</summary>
    public static string DataPath(int depth)
    {
        var build = FixtureKey.Value;
        var folder = Path.Combine(Path.GetTempPath(), "do-sdk-bench", $"reads-{depth}-{build}");
        var ready = Path.Combine(folder, "ready");
        lock (s_lock)
        {
            if (File.Exists(ready))
            {
                return Path.Combine(folder, "data");
            }

            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            Build(Path.Combine(folder, "data"), depth).GetAwaiter().GetResult();
            File.WriteAllText(ready, depth.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return Path.Combine(folder, "data");
        }
    }

    /// <summary>The database file of the benchmark object under <paramref name="dataPath"/>.</summary>
    public static string DatabaseFile(string dataPath)
        => Hosting.ObjectPaths.Resolve(dataPath, Hosting.ObjectPaths.RelativeFile(ObjectNamespace.Parse(BenchHost.Ns)));

    private static async Task Build(string dataPath, int depth)
    {
        // Created through the host (catalog, schema, noun interned), then the history appended in one transaction
        // directly on the file: the same rows verbs would write, in seconds instead of minutes.
        await using (var host = await BenchHost.StartAsync(dataPath))
        {
            await host.Object<Business>(BenchHost.Ns).Collection<Startup>().Create("acme", new Startup { Name = "Acme" });
        }

        using var db = ObjectDatabase.Open(DatabaseFile(dataPath), ObjectNamespace.Parse(BenchHost.Ns));
        db.InTransaction(() =>
        {
            for (int version = 2; version <= depth; version++)
            {
                db.Things.Update("Startup", "acme", $$"""{"name":"Acme","priority":{{version}},"tags":[]}""");
            }
        });
        db.Execute("PRAGMA wal_checkpoint(TRUNCATE)");
    }
}
