using BenchmarkDotNet.Attributes;
using Do.Benchmarks.Support;
using Do.Embeddings;
using Microsoft.Extensions.AI;

namespace Do.Benchmarks;

/// <summary>
/// Issue 18: one query over 100,000 searchable things in one object's file, through the typed API a user calls:
/// <c>Search</c> (FTS5, bm25), <c>SimilarTo</c> (a scan of 384-dimensional float32 vectors kept in memory after the
/// first vector query) and <c>HybridSearch</c> (both, fused by reciprocal rank), top 10, each hit read back and
/// deserialised. The corpus comes from <see cref="SearchFixture"/> (built once, cached across runs). The stored vectors
/// come from a deterministic hashed embedder; <see cref="Embedder"/> picks what embeds the query: <c>Hashed</c> (near
/// zero cost, so the figure is the index) or <c>MiniLM</c> (all-MiniLM-L6-v2 on ONNX Runtime, the offline package: the
/// figure then includes one model call per query, as in production).
/// </summary>
[MemoryDiagnoser]
public class SearchBenchmarks
{
    private TempFolder? _copy;
    private DoHost? _host;
    private ThingCollection<SearchDoc> _docs = null!;
    private IEmbeddingGenerator<string, Embedding<float>>? _embeddings;

    [Params("Hashed", "MiniLM")]
    public string Embedder { get; set; } = "Hashed";

    [GlobalSetup]
    public async Task Setup()
    {
        // A copy, so nothing a run does (a WAL, an index rebuilt) reaches the cached fixture.
        var source = SearchFixture.DataPath();
        _copy = new TempFolder("search");
        Copy(source, _copy.Path);
        _embeddings = Embedder == "MiniLM" ? new MiniLMEmbeddingGenerator() : new HashedEmbeddings();
        _host = await BenchHost.StartAsync(_copy.Path, configure: o => o.Embeddings = _embeddings);
        _docs = _host.Object<Business>(SearchFixture.Ns).Collection<SearchDoc>();

        // Every query kind once: activation, the vectors loaded into memory, the model loaded, statements prepared.
        Check(await _docs.Search("w7 w20", 10), "Search");
        Check(await _docs.SimilarTo("w7 w20 w300", 10), "SimilarTo");
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
        _copy?.Dispose();
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

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
