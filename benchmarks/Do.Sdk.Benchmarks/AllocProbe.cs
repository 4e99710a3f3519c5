using System.Diagnostics.Tracing;
using Do.Benchmarks.Support;

namespace Do.Benchmarks;

/// <summary>
/// What a sync verb allocates, by type: the runtime's <c>GCAllocationTick</c> events (one per ~100 KB allocated, naming the
/// type whose allocation crossed the mark) counted over many verbs, so each type's share of the samples is its share of
/// the bytes. Complements the exact bytes per write of <c>--write-profile</c>.
/// <code>dotnet run -c Release --project benchmarks/Do.Sdk.Benchmarks -- --alloc-probe [writes]</code>
/// </summary>
public static class AllocProbe
{
    public static async Task<int> Run(int writes)
    {
        using var folder = new TempFolder("alloc-probe");
        await using var host = await BenchHost.StartAsync(Path.Combine(folder.Path, "data"), SynchronousMode.Normal);
        var studio = host.Object<Business>(BenchHost.Ns);
        await studio.Collection<Startup>().Create("s0", new Startup { Name = "Startup 0" });
        var startup = studio.Ref<Startup>("s0");
        await Bounded.Loop(writes / 4, _ => startup.Invoke(Startup.PrioritizeVerb, """{"by":1}""", BenchVerbs.Prioritize1)); // warm-up

        using var listener = new TickListener();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        listener.Counting = true;
        await Bounded.Loop(writes, _ => startup.Invoke(Startup.PrioritizeVerb, """{"by":1}""", BenchVerbs.Prioritize1));
        listener.Counting = false;
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;

        var samples = listener.Samples();
        var total = samples.Sum(s => s.Count);
        Console.WriteLine($"{writes} sync verbs, {allocated / writes} bytes per verb, {total} samples");
        Console.WriteLine("| Type | share of bytes | ≈ bytes per verb |");
        Console.WriteLine("|---|---:|---:|");
        foreach (var (type, count) in samples.Take(25))
        {
            Console.WriteLine($"| `{type}` | {100.0 * count / total:0.0}% | {(double)allocated * count / total / writes:0} |");
        }

        return 0;
    }

    private sealed class TickListener : EventListener
    {
        private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

        public volatile bool Counting;

        public List<(string Type, int Count)> Samples()
        {
            lock (_counts)
            {
                return [.. _counts.OrderByDescending(p => p.Value).Select(p => (p.Key, p.Value))];
            }
        }

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1); // GC keyword
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (!Counting || eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || eventData.PayloadNames is null)
            {
                return;
            }

            var type = eventData.Payload![eventData.PayloadNames.IndexOf("TypeName")] as string ?? "?";
            lock (_counts)
            {
                _counts[type] = _counts.GetValueOrDefault(type) + 1;
            }
        }
    }
}
