using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Do;
using Do.Testing;

// The runtime core as a packaged user sees it: telemetry through the BCL listeners (no OpenTelemetry needed),
// crossing calls that fail fast with a DeadlockException, and DoTestHost's time skipping.
// PackagedConsumerTests runs it with a data folder and checks what it prints.
if (args is not [var dataPath])
{
    Console.Error.WriteLine("usage: Runtime <data folder>");
    return 2;
}

var spans = new ConcurrentQueue<Activity>();
using var activities = new ActivityListener
{
    ShouldListenTo = source => source.Name == "Do.Sdk",
    Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
    ActivityStopped = spans.Enqueue,
};
ActivitySource.AddActivityListener(activities);

var measured = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
using var meters = new MeterListener
{
    InstrumentPublished = (instrument, listener) =>
    {
        if (instrument.Meter.Name == "Do.Sdk")
        {
            listener.EnableMeasurementEvents(instrument);
        }
    },
};
meters.SetMeasurementEventCallback<long>((instrument, _, _, _) => measured.AddOrUpdate(instrument.Name, 1, (_, n) => n + 1));
meters.SetMeasurementEventCallback<int>((instrument, _, _, _) => measured.AddOrUpdate(instrument.Name, 1, (_, n) => n + 1));
meters.SetMeasurementEventCallback<double>((instrument, _, _, _) => measured.AddOrUpdate(instrument.Name, 1, (_, n) => n + 1));
meters.Start();

// 1. Telemetry: spans tagged with the object, and instruments with measurements.
const string Studio = "https://studio.example";
await using (var host = await DoHost.StartAsync(o => o.DataPath = Path.Combine(dataPath, "telemetry")))
{
    var studio = host.Object<Business>(Studio);
    await studio.Startups.Create("acme", new Startup { Name = "Acme" });
    await studio.Startup("acme").Prioritize(2);
}

meters.RecordObservableInstruments();
var tagged = spans.Where(span => Equals(span.GetTagItem("do.namespace"), Studio)).ToList();
Console.WriteLine($"spans: {tagged.Count} tagged {Studio}, kinds [{string.Join(", ", tagged.Select(s => s.OperationName).Distinct().Order(StringComparer.Ordinal))}]");
Console.WriteLine($"instruments: {measured.Count} [{string.Join(", ", measured.Keys.Order(StringComparer.Ordinal))}]");

// 2. Crossing calls: A → B while B → A from independent callers; one fails at once, naming both objects.
const string A = "https://a.example";
const string B = "https://b.example";
await using (var host = await DoHost.StartAsync(o => o.DataPath = Path.Combine(dataPath, "crossing")))
{
    var clock = Stopwatch.StartNew();
    var calls = new[] { host.Object<Relay>(A).Cross(B), host.Object<Relay>(B).Cross(A) };
    try
    {
        await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(60));
        Console.WriteLine("deadlock: none");
    }
    catch (DeadlockException)
    {
        var deadlock = calls.Where(c => c.IsFaulted).Select(c => c.Exception!.InnerException).OfType<DeadlockException>().Single();
        var names = deadlock.Objects.Order(StringComparer.Ordinal);
        // A detected cycle, not a wait that ran into the call timeout (30 s by default, a CallTimeoutException).
        var when = clock.Elapsed < TimeSpan.FromSeconds(30) ? "before the call timeout" : $"after {clock.Elapsed}";
        Console.WriteLine($"deadlock: [{string.Join(", ", names)}] {when}, message names both: {deadlock.Message.Contains(A, StringComparison.Ordinal) && deadlock.Message.Contains(B, StringComparison.Ordinal)}");
    }
}

// 3. Time skipping: a daily schedule advanced seven days runs seven times.
await using (var test = await DoTestHost.StartAsync())
{
    const string Daily = "https://daily.example";
    await test.Object<Diary>(Daily).Run(_ => true);
    await test.AdvanceAsync(TimeSpan.FromDays(7));
    Console.WriteLine($"daily: {Diary.Runs.Count} runs over 7 days");
}

return 0;

[Noun]
public partial class Startup
{
    public string Name { get; set; } = "";
    public int Priority { get; set; }

    [Verb] public void Prioritize(int by = 1) => Priority += by;
}

/// <summary>An object whose verb calls across to another once both callers hold their own turns.</summary>
public partial class Relay : Business
{
    private static readonly TaskCompletionSource s_bothArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private static int s_arrived;

    [Verb]
    public async Task Cross(string other, Context ctx)
    {
        if (Interlocked.Increment(ref s_arrived) == 2)
        {
            s_bothArrived.TrySetResult();
        }

        await s_bothArrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await ctx.Object<Relay>(other).Touch();
    }

    [Verb]
    public void Touch()
    {
    }
}

/// <summary>Writes in its diary every day at nine.</summary>
public sealed partial class Diary : Entity
{
    public static readonly ConcurrentQueue<DateTimeOffset> Runs = new();

    protected override void Configure(Context ctx) => ctx.Every.Day.At9am(c =>
    {
        Runs.Enqueue(c.Now);
        return Task.CompletedTask;
    });
}
