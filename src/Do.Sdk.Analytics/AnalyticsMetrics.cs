using System.Diagnostics.Metrics;

namespace Do.Analytics;

/// <summary>
/// The stream's instruments, on a Meter named <see cref="MeterName"/> (one per host, so two hosts in one process
/// report separately): <c>do.analytics.lag</c> (events committed but not yet streamed to every sink),
/// <c>do.analytics.lag.age</c> (seconds the oldest of them has waited) and <c>do.analytics.events.streamed</c>
/// (per sink).
/// </summary>
public sealed class AnalyticsMetrics : IDisposable
{
    /// <summary>The name of the analytics Meter.</summary>
    public const string MeterName = "Do.Sdk.Analytics";

    private readonly Meter _meter;
    private readonly Counter<long> _streamed;

    internal AnalyticsMetrics(EventStreamer streamer)
    {
        _meter = new Meter(MeterName);
        _meter.CreateObservableGauge("do.analytics.lag", () => streamer.Lag, "{event}", "Events committed by objects but not yet streamed to every analytics sink.");
        _meter.CreateObservableGauge("do.analytics.lag.age", () => streamer.OldestWait.TotalSeconds, "s", "How long the oldest event not yet streamed has waited.");
        _streamed = _meter.CreateCounter<long>("do.analytics.events.streamed", "{event}", "Events a sink received and the stream marked.");
    }

    internal void Streamed(string sink, int count) => _streamed.Add(count, new KeyValuePair<string, object?>("sink", sink));

    /// <summary>Disposes the Meter; the host does it when it stops.</summary>
    public void Dispose() => _meter.Dispose();
}
