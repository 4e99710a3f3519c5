using Do.Tests.Support;

namespace Do.Tests.Hosting;

/// <summary>
/// Issue 19: several busy objects share the thread pool (two cores in CI). A group-commit drain is bounded and yields,
/// so each object's callers keep getting answers while the others are busy.
/// </summary>
public sealed class FairnessTests : IDisposable
{
    private const int Objects = 4;
    private const int CallersPerObject = 3;
    private const int TotalCalls = 6_000;

    private readonly TempFolder _temp = new();

    private static readonly Func<Startup, Context, ValueTask> Prioritize1 = static (s, _) =>
    {
        s.Prioritize(1);
        return ValueTask.CompletedTask;
    };

    public void Dispose() => _temp.Dispose();

    /// <summary>One handler per verb, as in the report: each commit also dispatches one event.</summary>
    private sealed class Tenant : Business
    {
        protected override void Configure(Context ctx) => ctx.On.Subscribe("Startup.prioritized", static (_, _) => Task.CompletedTask);
    }

    [Fact]
    public async Task Every_busy_object_gets_at_least_half_the_mean_throughput()
    {
        await using var host = await DoHost.StartAsync(o =>
        {
            o.DataPath = _temp.Path;
            o.Synchronous = SynchronousMode.Normal;
        });
        var startups = new ThingRef<Startup>[Objects];
        for (int i = 0; i < Objects; i++)
        {
            var tenant = host.Object<Tenant>($"https://tenant{i}.fair.example");
            await tenant.Collection<Startup>().Create("acme", new Startup { Name = "Acme" });
            startups[i] = tenant.Ref<Startup>("acme");
        }

        // The window is a fixed number of acknowledged calls across all objects, not a time: every caller stops once
        // the total is reached, and each object's share of that total is its throughput over the same window.
        var acknowledged = new int[Objects];
        int total = 0;
        using var stop = new CancellationTokenSource();
        async Task Caller(int index)
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await startups[index].Invoke(Startup.PrioritizeVerb, """{"by":1}""", Prioritize1, stop.Token);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }

                Interlocked.Increment(ref acknowledged[index]);
                if (Interlocked.Increment(ref total) >= TotalCalls)
                {
                    await stop.CancelAsync();
                }
            }
        }

        // All callers start from one thread, as a plain program starts them. A call answered synchronously (its group
        // drained inline on the caller's thread) let the first caller loop there for ever: the others never started.
        // On a pool thread, so such a loop fails the test by its shares instead of hanging it.
        var callers = await Task.Run(() =>
        {
            var started = new Task[Objects * CallersPerObject];
            for (int c = 0; c < started.Length; c++)
            {
                started[c] = Caller(c % Objects);
            }

            return started;
        });
        await Task.WhenAll(callers).WaitAsync(Wait.Guard * 4);

        var counts = acknowledged; // every caller has returned
        var mean = counts.Average();
        var shares = string.Join(", ", counts.Select((c, i) => $"tenant{i}={c}"));
        Assert.True(counts.Min() >= 0.5 * mean, $"an object starved: {shares} (mean {mean:0})");

        // What each caller heard is what each object wrote: nothing acknowledged was lost to the yield.
        for (int i = 0; i < Objects; i++)
        {
            var priority = (await startups[i].Get()).Priority;
            Assert.InRange(priority, counts[i], counts[i] + CallersPerObject);
        }
    }
}
