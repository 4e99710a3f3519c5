using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Do.Storage;

namespace Do.Benchmarks.Support;

/// <summary>
/// A data folder whose object holds <see cref="Things"/> searchable things, indexed in FTS5 and embedded. Built once
/// under the temp path, keyed by the schema version, and reused by later runs (a <c>ready</c> marker is written last):
/// filling the index through 100,000 verbs took longer than BenchmarkDotNet's in-process run allows.
/// </summary>
public static class SearchFixture
{
    public const int Things = 100_000;
    public const string Ns = "https://search.bench.example";
    private const int Words = 5_000;
    private const int WordsPerThing = 12;
    private static readonly Lock s_lock = new();

    /// <summary>The data folder, built on first use.</summary>
    public static string DataPath()
    {
        var folder = Path.Combine(Path.GetTempPath(), "do-sdk-bench", $"search-{Things}-{FixtureKey.Value}");
        var ready = Path.Combine(folder, "ready");
        lock (s_lock)
        {
            if (!File.Exists(ready))
            {
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }

                Build(Path.Combine(folder, "data")).GetAwaiter().GetResult();
                File.WriteAllText(ready, Things.ToString(CultureInfo.InvariantCulture));
            }

            return Path.Combine(folder, "data");
        }
    }

    /// <summary>Zipf-like text: a few words are common, most are rare, as in real text. Deterministic (seed 42).</summary>
    public static IEnumerable<string> Texts()
    {
        var random = new Random(42);
        var words = Enumerable.Range(0, Words).Select(i => "w" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        for (int i = 0; i < Things; i++)
        {
            yield return string.Join(' ', Enumerable.Range(0, WordsPerThing).Select(_ => words[(int)(words.Length * Math.Pow(random.NextDouble(), 3))]));
        }
    }

    private static async Task Build(string dataPath)
    {
        // Created through the host (catalog, schema, noun interned), then the other things appended in one transaction
        // directly on the file: the same thing rows and index entries a Create writes (ThingStore keeps the index in
        // the write's transaction), without the action and event rows, in seconds instead of many minutes.
        await using (var host = await BenchHost.StartAsync(dataPath))
        {
            await host.Object<Business>(Ns).Collection<SearchDoc>().Create("d0", new SearchDoc { Text = "w0" });
        }

        var file = Hosting.ObjectPaths.Resolve(dataPath, Hosting.ObjectPaths.RelativeFile(ObjectNamespace.Parse(Ns)));
        using var db = ObjectDatabase.Open(file, ObjectNamespace.Parse(Ns));
        db.EnsureNounSchema(SearchDoc.Noun);
        var buffer = new ArrayBufferWriter<byte>();
        db.InTransaction(() =>
        {
            int i = 0;
            foreach (var text in Texts())
            {
                buffer.Clear();
                using (var writer = new Utf8JsonWriter(buffer))
                {
                    SearchDoc.Write(writer, new SearchDoc { Text = text });
                }

                var id = "d" + i.ToString(CultureInfo.InvariantCulture);
                var json = System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
                if (i == 0)
                {
                    db.Things.Update(SearchDoc.Noun.Name, id, json);
                }
                else
                {
                    db.Things.Create(SearchDoc.Noun.Name, id, json);
                }

                i++;
            }
        });

        // Vectors from the deterministic embedder (HashedEmbeddings), 384 dimensions like all-MiniLM-L6-v2: embedding
        // 100,000 texts with the model would take most of an hour on 2 cores, and the scan cost depends only on the
        // number of vectors and their dimensions. Written in one transaction, unit length as the index stores them,
        // rather than through SearchIndex.EmbedPendingAsync's 782 batch transactions.
        db.InTransaction(() =>
        {
            int i = 0;
            foreach (var text in Texts())
            {
                var vector = HashedEmbeddings.Embed(text);
                var length = MathF.Sqrt(vector.Sum(x => x * x));
                for (int d = 0; length > 0 && d < vector.Length; d++)
                {
                    vector[d] /= length;
                }

                db.Command("UPDATE search_docs SET vector = $vector WHERE noun = $noun AND thing_id = $id")
                    .Bind("$vector", System.Runtime.InteropServices.MemoryMarshal.AsBytes(vector.AsSpan()).ToArray())
                    .Bind("$noun", SearchDoc.Noun.Name)
                    .Bind("$id", "d" + i.ToString(CultureInfo.InvariantCulture))
                    .ExecuteNonQuery();
                i++;
            }
        });
        db.Execute("PRAGMA wal_checkpoint(TRUNCATE)");
    }
}
