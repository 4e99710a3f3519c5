using System.Diagnostics;
using System.Globalization;

namespace Do.Benchmarks;

/// <summary>
/// <see cref="SearchBenchmarks"/>' queries timed with a Stopwatch, one query at a time, medians and 90th percentiles,
/// plus the first vector query after activation (reading the 100,000 vectors), which BenchmarkDotNet's setup hides.
/// <code>dotnet run -c Release --project benchmarks/Do.Sdk.Benchmarks -- --search-profile [queries]</code>
/// </summary>
public static class SearchProfile
{
    public static async Task<int> Run(int queries)
    {
        Console.WriteLine(Invariant($"Search over {Support.SearchFixture.Things:N0} things, {queries} queries per case after 3 warm-up queries, {Environment.ProcessorCount} cores"));
        foreach (var embedder in new[] { "Hashed", "MiniLM" })
        {
            var bench = new SearchBenchmarks { Embedder = embedder };
            await bench.Setup();
            Console.WriteLine(Invariant($"  {embedder,-6} first vector query after activation (loads the vectors): {bench.FirstVectorQuery.TotalMilliseconds:0} ms"));
            try
            {
                await Time(embedder, nameof(SearchBenchmarks.Search_Bm25_Top10), bench.Search_Bm25_Top10, queries);
                await Time(embedder, nameof(SearchBenchmarks.SimilarTo_Top10), bench.SimilarTo_Top10, queries);
                await Time(embedder, nameof(SearchBenchmarks.HybridSearch_Top10), bench.HybridSearch_Top10, queries);
            }
            finally
            {
                await bench.Cleanup();
            }
        }

        return 0;
    }

    private static async Task Time(string embedder, string name, Func<Task<int>> query, int queries)
    {
        for (int i = 0; i < 3; i++)
        {
            await query();
        }

        var times = new List<double>();
        for (int i = 0; i < queries; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await query();
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        times.Sort();
        Console.WriteLine(Invariant($"  {embedder,-6} {name,-20} median {times[times.Count / 2],8:0.00} ms  p90 {times[(int)(times.Count * 0.9)],8:0.00} ms  min {times[0],8:0.00} ms"));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
