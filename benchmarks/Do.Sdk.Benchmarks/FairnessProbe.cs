using System.Diagnostics;
using System.Globalization;
using Do.Benchmarks.Support;

namespace Do.Benchmarks;

/// <summary>
/// Issue 19's measurement: <see cref="Objects"/> objects, <see cref="CallersPerObject"/> concurrent callers each,
/// synchronous verbs in a loop, one event handler per verb. Each run lasts a fixed window; it reports every object's
/// acknowledged calls, the spread (slowest object ÷ mean) and the total throughput. Not a BenchmarkDotNet class:
/// what matters is the share each object gets within one window, which BenchmarkDotNet does not report.
/// <code>dotnet run -c Release --project benchmarks/Do.Sdk.Benchmarks -- --fairness [runs] [seconds] [plain|pool]</code>
/// </summary>
public static class FairnessProbe
{
    public const int Objects = 4;
    public const int CallersPerObject = 3;

    public static async Task<int> Run(int runs, TimeSpan window, bool pool)
    {
        Console.WriteLine(Invariant($"Fairness: {Objects} objects x {CallersPerObject} callers ({(pool ? "started with Task.Run" : "started from the main thread")}), sync verb + 1 handler, NORMAL, {runs} runs of {window.TotalSeconds:0.#} s, {Environment.ProcessorCount} cores"));
        var spreads = new List<double>();
        var totals = new List<double>();
        for (int run = 0; run < runs; run++)
        {
            var (counts, perSecond) = await RunOnce(window, pool);
            var mean = counts.Average();
            var spread = mean == 0 ? 0 : counts.Min() / mean;
            spreads.Add(spread);
            totals.Add(perSecond);
            Console.WriteLine(Invariant($"run {run + 1}: {string.Join(" / ", counts)}  min/mean {spread:0.00}  total {perSecond:0}/s"));
        }

        Console.WriteLine(Invariant($"min/mean: worst {spreads.Min():0.00}, median {Median(spreads):0.00}; total: median {Median(totals):0}/s, mean {totals.Average():0}/s"));
        return 0;
    }

    private static async Task<(long[] Counts, double PerSecond)> RunOnce(TimeSpan window, bool pool)
    {
        using var folder = new TempFolder("fairness");
        await using var host = await BenchHost.StartAsync(folder.Path);
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
}
