using System.Diagnostics;
using Do.Tests.Support;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Do.Tests.Telemetry;

/// <summary>
/// What an OpenTelemetry pipeline wired with <c>AddSource("Do.Sdk")</c> and <c>AddMeter("Do.Sdk")</c> receives. Other
/// tests run in parallel and report to the same source, so every assertion looks at this test's own namespace.
/// </summary>
public sealed class DoTelemetryTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>One handler that works and one that always throws (no retries), so every kind of span appears.</summary>
    private sealed class Observed : Business
    {
        protected override void Configure(Context ctx)
        {
            ctx.On.Subscribe("Startup.prioritized", static (_, _) => Task.CompletedTask);
            ctx.On.Subscribe("Startup.tagged", static (_, _) => throw new InvalidOperationException("a broken handler"));
            ctx.Define("noop", static (_, _) => Task.FromResult<string?>(null));
        }
    }

    private Task<DoHost> StartAsync() => DoHost.StartAsync(o =>
    {
        o.DataPath = _temp.Path;
        o.Actions = new ActionOptions { MaxRetries = 1, BaseDelay = TimeSpan.Zero, UseJitter = false, HandlerRetries = 0, HandlerRetryDelay = TimeSpan.Zero };
    });

    private static string Ns() => "https://observed.example/" + Guid.NewGuid().ToString("N")[..8];

    private static Task Prioritize(ThingRef<Startup> startup)
        => startup.Invoke(Startup.PrioritizeVerb, """{"by":1}""", static (s, _) =>
        {
            s.Prioritize(1);
            return ValueTask.CompletedTask;
        });

    [Fact]
    public async Task Turns_verbs_action_attempts_handlers_and_lifecycle_operations_are_spans_tagged_with_the_object()
    {
        var spans = new List<Activity>();
        var ns = Ns();
        using (Sdk.CreateTracerProviderBuilder().AddSource("Do.Sdk").AddInMemoryExporter(spans).Build())
        {
            await using var host = await StartAsync();
            var obj = host.Object<Observed>(ns);
            await obj.Collection<Startup>().Create("acme", new Startup { Name = "Acme" });
            await Prioritize(obj.Ref<Startup>("acme"));
            var job = "telemetry-" + Guid.NewGuid().ToString("N")[..8];
            var failures = 0;
            Job.Behaviours[job] = (_, _) => ++failures == 1 ? throw new InvalidOperationException("once") : Task.CompletedTask;
            await obj.Jobs().Create(job, new Job { Name = job });
            await obj.Job(job).Run();
            await obj.Run(ctx => ctx.Do("noop"));
            await obj.Branch("experiment");
        }

        // The provider is gone: no test running in parallel adds to the list any more.
        var ours = spans.Where(s => (string?)s.GetTagItem("do.namespace") == ns).ToList();
        Assert.Contains(ours, s => s.OperationName == "do.turn");

        var prioritize = Assert.Single(ours, s => s.OperationName == "do.verb" && (string?)s.GetTagItem("do.verb") == "Prioritize");
        Assert.Equal("Startup", prioritize.GetTagItem("do.noun"));
        Assert.Equal("completed", prioritize.GetTagItem("do.outcome"));

        // The async verb ran twice through the pipeline: its span carries the action id its attempts carry.
        var run = Assert.Single(ours, s => s.OperationName == "do.verb" && (string?)s.GetTagItem("do.verb") == "Run");
        var actionId = Assert.IsType<long>(run.GetTagItem("do.action_id"));
        var attempts = ours.Where(s => s.OperationName == "do.action.attempt" && Equals(s.GetTagItem("do.action_id"), actionId)).OrderBy(s => s.GetTagItem("do.attempt")).ToList();
        Assert.Equal([1, 2], attempts.Select(s => (int)s.GetTagItem("do.attempt")!));
        Assert.Equal(["failed", "completed"], attempts.Select(s => (string)s.GetTagItem("do.outcome")!));
        Assert.Equal(ActivityStatusCode.Error, attempts[0].Status);
        Assert.All(attempts, a => Assert.Equal(run.SpanId, a.ParentSpanId));

        Assert.Contains(ours, s => s.OperationName == "do.verb" && (string?)s.GetTagItem("do.verb") == "noop" && s.GetTagItem("do.action_id") is long);

        var handler = Assert.Single(ours, s => s.OperationName == "do.handler" && (string?)s.GetTagItem("do.event") == "Startup.prioritized");
        Assert.Equal("completed", handler.GetTagItem("do.outcome"));

        var branch = Assert.Single(ours, s => s.OperationName == "do.lifecycle");
        Assert.Equal("branch", branch.GetTagItem("do.operation"));
        Assert.Contains(ours, s => s.OperationName == "do.turn" && s.ParentSpanId == branch.SpanId);
    }

    [Fact]
    public async Task Verbs_failures_dead_letters_activation_group_commits_and_turn_waits_are_measured()
    {
        var metrics = new List<MetricSnapshot>();
        using var meters = Sdk.CreateMeterProviderBuilder().AddMeter("Do.Sdk").AddInMemoryExporter(metrics).Build();
        await using var host = await StartAsync();
        var ns = Ns();
        var obj = host.Object<Observed>(ns);
        await obj.Collection<Startup>().Create("acme", new Startup { Name = "Acme" });
        var startup = obj.Ref<Startup>("acme");
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Prioritize(startup)));
        await startup.Invoke(Startup.TagVerb, """{"tag":"x"}""", static (s, _) =>
        {
            s.Tags.Add("x");
            return ValueTask.CompletedTask;
        });
        meters.ForceFlush();

        // One flush, one snapshot per instrument (cumulative): read it before anything else can export.
        var byName = metrics.ToList().GroupBy(m => m.Name).ToDictionary(g => g.Key, g => g.ToList());
        Assert.True(Sum(byName, "do.verbs", ("do.noun", "Startup"), ("do.verb", "Prioritize"), ("do.outcome", "completed")) >= 8, "the 8 Prioritize calls are counted");
        Assert.True(Sum(byName, "do.handler.failures", ("do.event", "Startup.tagged")) >= 1, "the broken handler's failure is counted");
        Assert.True(Sum(byName, "do.dead_letters", ("do.event", "Startup.tagged")) >= 1, "its dead letter is counted");
        Assert.True(Count(byName, "do.turn.wait", ("do.namespace", ns)) >= 9, "every grouped call's wait is recorded against its object");
        Assert.Equal(0, Sum(byName, "do.turn.queued", ("do.namespace", ns)));
        Assert.True(Count(byName, "do.commit.group_size") >= 1, "group commits report their size");
        Assert.True(Count(byName, "do.commit.duration") >= 1, "group commits are timed");
        Assert.True(Count(byName, "do.activation.duration") >= 1, "the activation is timed");
        Assert.True(Sum(byName, "do.objects.active") >= 1, "the object is active");
    }

    private static List<MetricPoint> Points(Dictionary<string, List<MetricSnapshot>> byName, string name, (string Key, string Value)[] tags)
    {
        var found = new List<MetricPoint>();
        foreach (var metric in byName.GetValueOrDefault(name) ?? [])
        {
            foreach (var point in metric.MetricPoints)
            {
                var all = new Dictionary<string, object?>();
                foreach (var tag in point.Tags)
                {
                    all[tag.Key] = tag.Value;
                }

                if (tags.All(t => all.TryGetValue(t.Key, out var v) && Equals(v, t.Value)))
                {
                    found.Add(point);
                }
            }
        }

        return found;
    }

    private static long Sum(Dictionary<string, List<MetricSnapshot>> byName, string name, params (string Key, string Value)[] tags)
        => Points(byName, name, tags).Sum(p => p.GetSumLong());

    private static long Count(Dictionary<string, List<MetricSnapshot>> byName, string name, params (string Key, string Value)[] tags)
        => Points(byName, name, tags).Sum(p => p.GetHistogramCount());
}
