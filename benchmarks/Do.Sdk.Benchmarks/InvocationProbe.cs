using System.Diagnostics;
using System.Globalization;
using Do.Benchmarks.Support;

namespace Do.Benchmarks;

/// <summary>
/// <see cref="DurableWriteBenchmarks.SyncVerb_64Callers"/> invoked as BenchmarkDotNet's engine invokes it, in a fresh
/// process right after its <see cref="DurableWriteBenchmarks.Setup"/>: from a thread outside the pool that blocks on each
/// invocation, so the 64 callers of each invocation start from the pool's global queue. Prints, per round of 40
/// invocations, the time per verb and how many verbs shared each group commit, which BenchmarkDotNet cannot show.
/// <code>dotnet run -c Release --project benchmarks/Do.Sdk.Benchmarks -- --invocation-probe [rounds] [full|normal]</code>
/// Before round 18 a drain run on the first caller's thread kept the other callers' starts waiting in the pool: groups
/// of one verb for milliseconds at a time (benchmarks/README.md, write path round 18).
/// </summary>
public static class InvocationProbe
{
    private const int InvocationsPerRound = 40;

    public static async Task<int> Run(int rounds, SynchronousMode synchronous)
    {
        var benchmarks = new DurableWriteBenchmarks { Synchronous = synchronous };
        await benchmarks.Setup();
        try
        {
            using var groups = new GroupSizeProbe();
            var sizes = new int[DurableWriteBenchmarks.Ops + 1];
            using var listener = GroupSizeProbe.ListenToSizes(size => Interlocked.Increment(ref sizes[Math.Min(size, sizes.Length - 1)]));
            Console.WriteLine(Invariant($"SyncVerb_64Callers ({synchronous}), invoked from a blocked thread outside the pool: {rounds} rounds of {InvocationsPerRound} invocations, {Environment.ProcessorCount} cores"));
            for (int round = 0; round < rounds; round++)
            {
                groups.Take();
                Array.Clear(sizes);
                var started = Stopwatch.GetTimestamp();
                var engine = new Thread(() =>
                {
                    for (int i = 0; i < InvocationsPerRound; i++)
                    {
                        benchmarks.SyncVerb_64Callers().GetAwaiter().GetResult();
                    }
                })
                { Name = "invocation-probe engine" };
                engine.Start();
                engine.Join();
                var perVerb = Stopwatch.GetElapsedTime(started).TotalMicroseconds / (InvocationsPerRound * DurableWriteBenchmarks.Ops);
                var (committed, members, _) = groups.Take();
                Console.WriteLine(Invariant($"round {round + 1}: {perVerb:0.0} µs/verb, {committed} groups, {(double)members / committed:0.0} verbs per group, {sizes[1]} groups of one verb"));
            }
        }
        finally
        {
            await benchmarks.Cleanup();
        }

        return 0;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
