using Do.Analytics.Tests.Support;
using Do.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Do.Analytics.Tests;

public sealed class EventStreamerTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _temp = new();
    private readonly FakeTimeProvider _time = new(Start);

    public void Dispose() => _temp.Dispose();

    private string Files => Path.Combine(_temp.Path, "analytics");

    private Task<DoHost> StartAsync(Action<AnalyticsOptions>? configure = null, bool analytics = true) => DoHost.StartAsync(o =>
    {
        o.DataPath = _temp.Path;
        o.TimeProvider = _time;
        if (analytics)
        {
            o.UseAnalytics(a =>
            {
                a.MaxDelay = TimeSpan.FromHours(1); // only FlushAsync streams, unless a test says otherwise
                configure?.Invoke(a);
            });
        }
    });

    private List<string> IdsInFiles() => [.. Duck.Rows($"SELECT id FROM read_parquet('{Duck.Glob(Files)}') ORDER BY id").Select(r => (string)r[0]!)];

    [Fact]
    public async Task Verbs_across_several_objects_land_in_the_files_exactly_once_with_their_urls()
    {
        await using var host = await StartAsync();
        await Scenario.RunAsync(host);

        await host.Analytics().FlushAsync();

        var expected = ObjectFiles.EventIds(_temp.Path).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Scenario.Objects.Length * Scenario.EventsPerObject, expected.Count);
        Assert.Equal(expected, IdsInFiles());
        var row = Assert.Single(Duck.Rows($"""
            SELECT type, type_url, source, thing, verb, action IS NOT NULL, version IS NOT NULL, "at", json_extract(data, '$.priority')::INT
            FROM read_parquet('{Duck.Glob(Files)}') WHERE source = 'https://b.example' AND type = 'Startup.prioritized' ORDER BY id DESC LIMIT 1
            """));
        Assert.Equal<object?>(["Startup.prioritized", "https://b.example/Startup", "https://b.example", "https://b.example/acme", "Prioritize", true, true, Start.UtcDateTime, 3], row);
        Assert.Equal(0, host.Analytics().Lag);
    }

    [Fact]
    public async Task Files_are_partitioned_by_utc_date_and_event_type()
    {
        await using var host = await StartAsync();
        await Scenario.RunAsync(host, ["https://a.example"]);
        _time.Advance(TimeSpan.FromDays(1));
        await host.Object<Business>("https://a.example").Startup("beta").Prioritize();

        await host.Analytics().FlushAsync();

        var partitions = Directory.GetFiles(Files, "*.parquet", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Files, Path.GetDirectoryName(f)!).Replace('\\', '/'))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["date=2026-11-23/type=Startup.created", "date=2026-11-23/type=Startup.prioritized", "date=2026-11-24/type=Startup.prioritized"], partitions);
        Assert.Empty(Directory.GetFiles(Files, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_restarted_host_streams_what_was_committed_without_analytics_and_then_only_what_is_new()
    {
        await using (var plain = await StartAsync(analytics: false))
        {
            await Scenario.RunAsync(plain, ["https://a.example"]);
        }

        await using (var first = await StartAsync())
        {
            await first.Analytics().FlushAsync(); // found by the start-up scan: no verb ran in this process
            Assert.Equal(Scenario.EventsPerObject, IdsInFiles().Count);
            await first.Object<Business>("https://a.example").Startup("acme").Prioritize();
            await first.Analytics().FlushAsync();
        }

        await using (var second = await StartAsync())
        {
            await second.Object<Business>("https://a.example").Startup("beta").Prioritize();
            await second.Analytics().FlushAsync();
        }

        Assert.Equal(ObjectFiles.EventIds(_temp.Path).Order(StringComparer.Ordinal), IdsInFiles());
        Assert.Equal(Scenario.EventsPerObject + 2, IdsInFiles().Count);
    }

    [Fact]
    public async Task The_background_stream_writes_once_events_reach_the_batch_size()
    {
        await using var host = await StartAsync(a => a.BatchSize = 5);

        await Scenario.RunAsync(host, ["https://a.example"]);

        // Five events reach the size roll: the stream wakes without a flush and without time passing.
        await Wait.Until(() => Directory.Exists(Files) && Directory.GetFiles(Files, "*.parquet", SearchOption.AllDirectories).Length > 0 && host.Analytics().Lag == 0, "the size roll streamed the batch");
        Assert.Equal(5, IdsInFiles().Count);
    }

    [Fact]
    public async Task The_background_stream_writes_waiting_events_once_they_reach_the_age_roll()
    {
        await using var host = await StartAsync(a => a.MaxDelay = TimeSpan.FromSeconds(10));
        await host.Object<Business>("https://a.example").Startups().Create("acme", new Startup { Name = "Acme" });

        await Wait.Until(
            () =>
            {
                _time.Advance(TimeSpan.FromSeconds(1));
                return host.Analytics().Lag == 0;
            },
            "the age roll streamed the event");

        Assert.Single(IdsInFiles());
    }

    [Fact]
    public async Task A_slow_sink_never_blocks_verbs_and_its_lag_is_reported()
    {
        var slow = new RecordingSink();
        slow.Hold();
        await using var host = await StartAsync(a =>
        {
            a.BatchSize = 1;
            a.Sinks.Add(slow);
        });
        var acme = host.Object<Business>("https://a.example");
        await acme.Startups().Create("acme", new Startup { Name = "Acme" });

        for (int i = 0; i < 20; i++)
        {
            await acme.Startup("acme").Prioritize(); // completes although the sink holds every write
        }

        Assert.Empty(slow.Received);
        Assert.InRange(host.Analytics().Lag, 1, 21);

        slow.Release();
        await host.Analytics().FlushAsync();

        Assert.Equal(0, host.Analytics().Lag);
        Assert.Equal(ObjectFiles.EventIds(_temp.Path).Order(StringComparer.Ordinal), slow.Received.Select(e => e.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_failing_sink_gets_the_events_again_and_each_sink_keeps_its_own_mark()
    {
        var external = new RecordingSink { FailuresLeft = 1 };
        await using var host = await StartAsync(a => a.Sinks.Add(external));
        await Scenario.RunAsync(host, ["https://a.example"]);

        await Assert.ThrowsAsync<IOException>(() => host.Analytics().FlushAsync());
        Assert.Equal(Scenario.EventsPerObject, ObjectFiles.Mark(_temp.Path, ParquetEventSink.SinkName));
        Assert.Equal(0, ObjectFiles.Mark(_temp.Path, external.Name));

        await host.Analytics().FlushAsync();

        Assert.Equal(Scenario.EventsPerObject, ObjectFiles.Mark(_temp.Path, external.Name));
        Assert.Equal(ObjectFiles.EventIds(_temp.Path).Order(StringComparer.Ordinal), external.Received.Select(e => e.Id).Order(StringComparer.Ordinal));
        Assert.Equal(Scenario.EventsPerObject, IdsInFiles().Count);
    }

    [Fact]
    public async Task Lag_is_a_metric_on_the_Do_Sdk_Analytics_meter()
    {
        var slow = new RecordingSink();
        slow.Hold();
        await using var host = await StartAsync(a => a.Sinks.Add(slow));
        await Scenario.RunAsync(host, ["https://a.example"]);
        var lags = new List<long>();
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == AnalyticsMetrics.MeterName && instrument.Name == "do.analytics.lag")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => lags.Add(value));
        listener.Start();

        listener.RecordObservableInstruments();

        Assert.Contains(Scenario.EventsPerObject, lags);
        slow.Release();
    }
}
