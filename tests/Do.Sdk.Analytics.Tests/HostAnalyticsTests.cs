using Do.Analytics.Tests.Support;
using Do.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Do.Analytics.Tests;

public sealed class HostAnalyticsTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _temp = new();
    private readonly FakeTimeProvider _time = new(Start);

    public void Dispose() => _temp.Dispose();

    private Task<DoHost> StartAsync(Action<AnalyticsOptions>? configure = null) => DoHost.StartAsync(o =>
    {
        o.DataPath = _temp.Path;
        o.TimeProvider = _time;
        o.UseAnalytics(a =>
        {
            a.MaxDelay = TimeSpan.FromHours(1);
            configure?.Invoke(a);
        });
    });

    [Fact]
    public async Task DuckDB_counts_events_by_type_over_every_file()
    {
        await using var host = await StartAsync();
        await Scenario.RunAsync(host);
        await host.Analytics().FlushAsync();

        var rows = await host.Analytics().QueryAsync("SELECT type, count(*) AS n FROM events GROUP BY type ORDER BY type");

        Assert.Equal(2, rows.Count);
        Assert.Equal("Startup.created", rows[0]["type"]);
        Assert.Equal(6L, Convert.ToInt64(rows[0]["n"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("Startup.prioritized", rows[1]["type"]);
        Assert.Equal(9L, Convert.ToInt64(rows[1]["n"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Typed_helpers_count_by_type_by_object_and_over_time()
    {
        await using var host = await StartAsync();
        await Scenario.RunAsync(host, ["https://a.example", "https://b.example"]);
        _time.Advance(TimeSpan.FromHours(2));
        await host.Object<Business>("https://a.example").Startup("beta").Prioritize();
        await host.Analytics().FlushAsync();

        Assert.Equal([new TypeCount("Startup.prioritized", 7), new TypeCount("Startup.created", 4)], await host.Analytics().CountByTypeAsync());
        Assert.Equal([new SourceCount("https://a.example", 6), new SourceCount("https://b.example", 5)], await host.Analytics().CountBySourceAsync());
        Assert.Equal(
            [new TimeBucketCount(Start, "Startup.prioritized", 6), new TimeBucketCount(Start.AddHours(2), "Startup.prioritized", 1)],
            await host.Analytics().CountOverTimeAsync(TimeBucket.Hour, "Startup.prioritized"));
        Assert.Equal([new TypeCount("Startup.prioritized", 1)], await host.Analytics().CountByTypeAsync(from: Start.AddHours(1)));
        Assert.Equal([new TypeCount("Startup.prioritized", 6), new TypeCount("Startup.created", 4)], await host.Analytics().CountByTypeAsync(to: Start.AddHours(1)));
    }

    [Fact]
    public async Task Queries_before_any_file_see_an_empty_events_view()
    {
        await using var host = await StartAsync();

        var rows = await host.Analytics().QueryAsync("SELECT count(*) AS n, count(DISTINCT type) AS types FROM events");

        Assert.Equal(0L, Convert.ToInt64(Assert.Single(rows)["n"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(await host.Analytics().CountByTypeAsync());
    }

    [Fact]
    public async Task A_bad_query_names_itself_and_the_columns_of_events()
    {
        await using var host = await StartAsync();

        var error = await Assert.ThrowsAsync<AnalyticsQueryException>(() => host.Analytics().QueryAsync("SELECT nope FROM events"));
        Assert.Contains("SELECT nope FROM events", error.Message, StringComparison.Ordinal);
        Assert.Contains("id, type, type_url, source, thing, actor, action, verb, version, \"at\", data", error.Message, StringComparison.Ordinal);
        var empty = await Assert.ThrowsAsync<ArgumentException>(() => host.Analytics().QueryAsync(" "));
        Assert.Contains("SELECT type, count(*) FROM events GROUP BY type", empty.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analytics_must_be_turned_on_once()
    {
        await using var plain = await DoHost.StartAsync(o => o.DataPath = _temp.Path);
        var off = Assert.Throws<InvalidOperationException>(() => plain.Analytics());
        Assert.Contains("UseAnalytics", off.Message, StringComparison.Ordinal);

        var options = new DoHostOptions().UseAnalytics();
        var twice = Assert.Throws<InvalidOperationException>(() => options.UseAnalytics());
        Assert.Contains("already", twice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compaction_merges_small_files_and_queries_count_the_same()
    {
        await using var host = await StartAsync(a => a.CompactMinFiles = 3);
        for (int i = 0; i < 4; i++)
        {
            await Scenario.RunAsync(host, ["https://o" + i + ".example"]);
            await host.Analytics().FlushAsync(); // one small file per object and partition
        }

        var prioritized = Path.Combine(host.Analytics().Folder, "date=2026-11-23", "type=Startup.prioritized");
        Assert.Equal(4, Directory.GetFiles(prioritized, "*.parquet").Length);

        Assert.Equal(8, await host.Analytics().CompactAsync());

        Assert.Single(Directory.GetFiles(prioritized, "*.parquet"));
        Assert.Equal([new TypeCount("Startup.prioritized", 12), new TypeCount("Startup.created", 8)], await host.Analytics().CountByTypeAsync());
        Assert.Equal(20L, Convert.ToInt64((await host.Analytics().QueryAsync("SELECT count(DISTINCT id) AS n FROM events"))[0]["n"], System.Globalization.CultureInfo.InvariantCulture));
    }
}
