using System.Diagnostics;
using System.Globalization;
using Do.Benchmarks.Support;

namespace Do.Benchmarks;

/// <summary>
/// Issue 19's measurement: <see cref="Objects"/> objects, <see cref="CallersPerObject"/> concurrent callers each,
/// synchronous verbs in a loop, one event handler per verb. Each run lasts a fixed window; it reports every object's
/// acknowledged calls, the spread (slowest object ÷ mean) and the total throughput. Not a BenchmarkDotNet class:
/// what matters is the share each object gets within one window, which BenchmarkDotNet does not report.
/// <code>dotnet run -c Release --project benchmarks/Do.Sdk.Benchmarks -- --fairness [runs] [seconds] [plain|pool] [ab]</code>
/// With <c>ab</c>, every run is a pair: the drain before the fairness change (<c>DoHostOptions.InlineDrain</c>) and
/// the current one, alternating which goes first, so both see the same load on a shared machine; the summary gives
/// medians per drain and the median of the per-pair total ratios.
/// </summary>
public static class FairnessProbe
{
    public const int Objects = 4;
    public const int CallersPerObject = 3;

    public static async Task<int> Run(int runs, TimeSpan window, bool pool, bool alternate = false)
    {
        if (alternate && !pool)
        {
            // The inline drain keeps the first caller's loop on the main thread: a plain run never ends (issue 19).
            Console.Error.WriteLine("--fairness ... ab needs pool mode: the inline drain never returns the main thread to a plain program.");
            return 2;
        }

        Console.WriteLine(Invariant($"Fairness: {Objects} objects x {CallersPerObject} callers ({(pool ? "started with Task.Run" : "started from the main thread")}), sync verb + 1 handler, NORMAL, {runs} {(alternate ? "A/B pairs" : "runs")} of {window.TotalSeconds:0.#} s, {Environment.ProcessorCount} cores"));
        var before = new Rounds("before (inline drain)");
        var after = new Rounds(alternate ? "after (fair drain)" : "this build");
        var ratios = new List<double>();
        for (int run = 0; run < runs; run++)
        {
            if (!alternate)
            {
                after.Add(run, await RunOnce(window, pool, inline: false));
                continue;
            }

            // A/B then B/A: neither drain always runs first, after the other has warmed the JIT, the disk and the pool.
            var inlineFirst = run % 2 == 0;
            var first = await RunOnce(window, pool, inline: inlineFirst);
            var second = await RunOnce(window, pool, inline: !inlineFirst);
            var (a, b) = inlineFirst ? (first, second) : (second, first);
            before.Add(run, a);
            after.Add(run, b);
            ratios.Add(a.PerSecond == 0 ? 0 : b.PerSecond / a.PerSecond);
        }

        if (alternate)
        {
            before.Summarize();
        }

        after.Summarize();
        if (alternate)
        {
            Console.WriteLine(Invariant($"total after/before per pair: {string.Join(", ", ratios.Select(r => r.ToString("0.00", CultureInfo.InvariantCulture)))}; median {Median(ratios):0.00}"));
        }

        return 0;
    }

    private static async Task<(long[] Counts, double PerSecond)> RunOnce(TimeSpan window, bool pool, bool inline)
    {
        using var folder = new TempFolder("fairness");
        await using var host = await BenchHost.StartAsync(folder.Path, configure: o => o.InlineDrain = inline);
        var startups = new ThingRef<Startup>[Objects];
        for (int i = 0; i < Objects; i++)
        {
            var tenant = host.Object<OneHandlerStudio>(Invariant($"https://tenant{i}.fair.example"));
            await tenant.Collection<Startup>().Create("acme", new Startup { Name = "Acme" });
            startups[i] = tenant.Ref<Startup>("acme");
        }

        var counts = new long[Objects];
        var counting = false;
        using var stop = new CancellationTokenSource();
        async Task Caller(int index)
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await startups[index].Invoke(Startup.PrioritizeVerb, """{"by":1}""", BenchVerbs.Prioritize1, stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }

                if (Volatile.Read(ref counting))
                {
                    Interlocked.Increment(ref counts[index]);
                }
            }
        }

        // Plain: callers start straight from this thread, as a plain program would start them. Pool: each caller starts
        // on a thread-pool thread of its own (Task.Run), as a server's request handlers would.
        var callers = new List<Task>();
        for (int c = 0; c < Objects * CallersPerObject; c++)
        {
            var index = c % Objects;
            callers.Add(pool ? Task.Run(() => Caller(index)) : Caller(index));
        }

        // The window is timed by blocking this thread, not by a timer continuation: a starved pool would delay a
        // continuation, and with it the end of the window, by as long as the starvation lasts.
        Thread.Sleep(TimeSpan.FromMilliseconds(500)); // warm-up, not counted
        Volatile.Write(ref counting, true);
        var started = Stopwatch.GetTimestamp();
        Thread.Sleep(window);
        Volatile.Write(ref counting, false);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var snapshot = counts.ToArray(); // a late increment or two may land; it does not change the shares
        stop.Cancel();
        if (!Task.WhenAll(callers).Wait(Bounded.Deadline))
        {
            throw new TimeoutException($"The callers did not stop within {Bounded.Deadline.TotalSeconds:0} s of the end of the window.");
        }

        return (snapshot, snapshot.Sum() / elapsed.TotalSeconds);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>The runs of one drain: each printed as it ends, then summarised by medians.</summary>
    private sealed class Rounds(string name)
    {
        private readonly List<double> _spreads = [];
        private readonly List<double> _totals = [];

        public void Add(int run, (long[] Counts, double PerSecond) result)
        {
            var mean = result.Counts.Average();
            var spread = mean == 0 ? 0 : result.Counts.Min() / mean;
            _spreads.Add(spread);
            _totals.Add(result.PerSecond);
            Console.WriteLine(Invariant($"run {run + 1}, {name}: {string.Join(" / ", result.Counts)}  min/mean {spread:0.00}  total {result.PerSecond:0}/s"));
        }

        public void Summarize()
            => Console.WriteLine(Invariant($"{name}: min/mean worst {_spreads.Min():0.00}, median {Median(_spreads):0.00}; total median {Median(_totals):0}/s, mean {_totals.Average():0}/s"));
    }
}
