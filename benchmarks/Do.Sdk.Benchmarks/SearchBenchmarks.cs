using BenchmarkDotNet.Attributes;
using Do.Benchmarks.Support;
using Do.Infrastructure;
using Do.Storage;

namespace Do.Benchmarks;

/// <summary>
/// One query over 100,000 searchable things in one object's file: FTS5 + bm25 (the index the writes maintain), and a
/// brute-force cosine scan of 384-dimensional float32 embeddings (loaded once, kept in memory until a write).
/// </summary>
[MemoryDiagnoser]
public class SearchBenchmarks
{
    private const string Noun = "Doc";
    private const int Things = 100_000;
    private TempFolder? _temp;
    private ObjectDatabase? _db;
    private string _match = "";
    private float[] _query = [];

    [GlobalSetup]
    public async Task Setup()
    {
        _temp = new TempFolder("search");
        _db = ObjectDatabase.Open(Path.Combine(_temp.Path, "search.db"), ObjectNamespace.Parse("https://search.bench"));
        var info = new NounInfo(Noun, "Docs", null, [], [], []) { SearchableProperties = ["text"] };
        _db.EnsureNounSchema(info);

        // Zipf-like words: a few are common, most are rare, as in real text.
        var random = new Random(42);
        var words = Enumerable.Range(0, 5_000).Select(i => "w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        for (int batch = 0; batch < Things / 1_000; batch++)
        {
            _db.InTransaction(() =>
            {
                for (int i = 0; i < 1_000; i++)
                {
                    var text = string.Join(' ', Enumerable.Range(0, 12).Select(_ => words[(int)(words.Length * Math.Pow(random.NextDouble(), 3))]));
                    var id = "d" + ((batch * 1_000) + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    // The index directly, as every write keeps it: the version, action and event rows of a real write add
                    // minutes of setup and nothing to the query.
                    _db.SearchIndex.OnWrite(Noun, id, "{\"text\":\"" + text + "\"}");
                }
            });
        }

        await _db.SearchIndex.EmbedPendingAsync(Noun, new HashedEmbeddings(), CancellationToken.None);
        _match = Search.SearchText.ToMatch("w7 w20", any: false);
        _query = HashedEmbeddings.Embed("w7 w20 w300");
        _ = _db.SearchIndex.Nearest(Noun, _query, 10); // load the vectors once, as a warm object would have them
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _db?.Dispose();
        _temp?.Dispose();
    }

    [Benchmark]
    public int FullText_Top10() => _db!.SearchIndex.FullText(Noun, _match, 10).Count;

    [Benchmark]
    public int Vector_Top10() => _db!.SearchIndex.Nearest(Noun, _query, 10).Count;
}
