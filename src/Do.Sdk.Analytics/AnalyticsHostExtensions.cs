namespace Do.Analytics;

/// <summary>Turns the analytics stream on (<see cref="UseAnalytics"/>) and reaches it (<see cref="Analytics"/>).</summary>
public static class AnalyticsHostExtensions
{
    /// <summary>
    /// Streams every object's events to Parquet files under <c>analytics/</c> in the data folder (and to the sinks
    /// <paramref name="configure"/> adds), exactly once per sink, in the background.
    /// </summary>
    /// <exception cref="InvalidOptionsException">The analytics options are invalid; every problem is listed.</exception>
    /// <exception cref="InvalidOperationException">Analytics is already on for these options.</exception>
    public static DoHostOptions UseAnalytics(this DoHostOptions options, Action<AnalyticsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Extensions.OfType<EventStreamer>().Any())
        {
            throw new InvalidOperationException("UseAnalytics was already called on these DoHostOptions; call it once, with every setting in one configure callback.");
        }

        var analytics = new AnalyticsOptions();
        configure?.Invoke(analytics);
        analytics.Validate();
        options.Extensions.Add(new EventStreamer(analytics));
        return options;
    }

    /// <summary>The analytics of <paramref name="host"/>: flush, compact and query.</summary>
    /// <exception cref="InvalidOperationException">The host was started without <see cref="UseAnalytics"/>.</exception>
    public static HostAnalytics Analytics(this DoHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return host.Options.Extensions.OfType<EventStreamer>().FirstOrDefault()?.Api
            ?? throw new InvalidOperationException("Analytics is not enabled on this host. Start it with DoHost.StartAsync(o => o.UseAnalytics()).");
    }
}
