using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Do.Benchmarks.Support;
using Do.Embeddings;
using Microsoft.Extensions.AI;

namespace Do.Benchmarks;

/// <summary>
/// Issue 18: one query over 100,000 searchable things in one object's file, through the typed API a user calls:
/// <c>Search</c> (FTS5, bm25), <c>SimilarTo</c> (a scan of 384-dimensional float32 vectors kept in memory from the
/// first vector query after activation) and <c>HybridSearch</c> (both, fused by reciprocal rank), top 10, each hit read back and
/// deserialised. The corpus comes from <see cref="SearchFixture"/> (built once, cached across runs). The stored vectors
/// come from a deterministic hashed embedder; <see cref="Embedder"/> picks what embeds the query: <c>Hashed</c> (near
/// zero cost, so the figure is the index) or <c>MiniLM</c> (all-MiniLM-L6-v2 on ONNX Runtime, the offline package: the
/// figure then includes one model call per query, as in production). Bounded for the quick job: the fixture is copied
/// once per process (the queries write nothing, so both embedders share the copy), and the setup's first queries take
/// the one-off costs (activation, loading 100,000 vectors, loading the model).
/// </summary>
[MemoryDiagnoser]
public class SearchBenchmarks
{
    private static readonly Lock s_copyLock = new();
    private static TempFolder? s_copy;
    private DoHost? _host;
    private ThingCollection<SearchDoc> _docs = null!;
    private IEmbeddingGenerator<string, Embedding<float>>? _embeddings;

    [Params("Hashed", "MiniLM")]
    public string Embedder { get; set; } = "Hashed";

    /// <summary>The setup's first vector query: activation's share plus reading the 100,000 vectors into memory.</summary>
    public TimeSpan FirstVectorQuery { get; private set; }

    [GlobalSetup]
    public async Task Setup()
    {
        _embeddings = Embedder == "MiniLM" ? new MiniLMEmbeddingGenerator() : new HashedEmbeddings();
        _host = await BenchHost.StartAsync(SharedCopy(), configure: o => o.Embeddings = _embeddings);
        _docs = _host.Object<Business>(SearchFixture.Ns).Collection<SearchDoc>();

        // Every query kind once: activation, the vectors loaded into memory, the model loaded, statements prepared.
        Check(await _docs.Search("w7 w20", 10), "Search");
        var started = Stopwatch.GetTimestamp();
        Check(await _docs.SimilarTo("w7 w20 w300", 10), "SimilarTo");
        FirstVectorQuery = Stopwatch.GetElapsedTime(started);
        Check(await _docs.HybridSearch("w7 w20 w300", 10), "HybridSearch");
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        _embeddings?.Dispose();
    }

    [Benchmark]
    public async Task<int> Search_Bm25_Top10() => (await _docs.Search("w7 w20", 10)).Count;

    [Benchmark]
    public async Task<int> SimilarTo_Top10() => (await _docs.SimilarTo("w7 w20 w300", 10)).Count;

    [Benchmark]
    public async Task<int> HybridSearch_Top10() => (await _docs.HybridSearch("w7 w20 w300", 10)).Count;

    private static void Check(IReadOnlyList<SearchHit<SearchDoc>> hits, string what)
    {
        if (hits.Count != 10)
        {
            throw new InvalidOperationException($"{what} over the fixture returned {hits.Count} hits; expected 10. Delete {Path.GetDirectoryName(SearchFixture.DataPath())} to rebuild it.");
        }
    }

    /// <summary>
    /// A copy of the fixture for this process, so nothing a run does (a WAL, a catalog entry) reaches the cached one;
    /// copied once (500 MB), deleted when the process exits.
    /// </summary>
    private static string SharedCopy()
    {
        lock (s_copyLock)
        {
            if (s_copy is null)
            {
                var source = SearchFixture.DataPath();
                var copy = new TempFolder("search");
                foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
                {
                    var target = Path.Combine(copy.Path, Path.GetRelativePath(source, file));
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    File.Copy(file, target);
                }

                AppDomain.CurrentDomain.ProcessExit += (_, _) => copy.Dispose();
                s_copy = copy;
            }

            return s_copy.Path;
        }
    }
}
