using Do.Tests.Support;

namespace Do.Tests.Storage;

/// <summary>The views a person with sqlite3 reads: ISO-8601 times, and HEAD on the checked-out branch.</summary>
public sealed class ReadableViewsTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Actions_and_events_show_their_times_as_ISO_8601_text_beside_the_milliseconds()
    {
        var clock = FakeClock.Create();
        await using var host = await DoHost.StartAsync(o => { o.DataPath = _temp.Path; o.TimeProvider = clock; });
        var obj = host.Object<Business>("https://views.example");
        await obj.Startups().Create("acme", new Startup { Name = "Acme" });
        var path = await obj.DatabasePath();

        var action = Assert.Single(Sql.Rows(path, "SELECT created_at, created_at_iso, completed_at_iso FROM actions_view"));
        var e = Assert.Single(Sql.Rows(path, "SELECT created_at_iso FROM events_view"));

        Assert.Equal(clock.GetUtcNow().ToUnixTimeMilliseconds(), action[0]);
        Assert.Equal("2026-11-23T09:00:00.000Z", action[1]);
        Assert.Equal("2026-11-23T09:00:00.000Z", action[2]);
        Assert.Equal("2026-11-23T09:00:00.000Z", e[0]);
    }

    [Fact]
    public async Task The_heads_view_follows_the_checked_out_branch()
    {
        await using var host = await DoHost.StartAsync(o => o.DataPath = _temp.Path);
        var obj = host.Object<Business>("https://views.example");
        await obj.Startups().Create("acme", new Startup { Name = "Acme", Priority = 1 });
        await obj.Startups().Create("beta", new Startup { Name = "Beta" });
        await obj.Branch("b");
        await obj.Checkout("b");
        await obj.Startup("acme").Prioritize(10);
        await obj.Startups().Delete("beta");
        await obj.Startups().Create("gamma", new Startup { Name = "Gamma" });
        var path = await obj.DatabasePath();
        const string Query = "SELECT id, json_extract(data, '$.priority') FROM heads WHERE noun = 'Startup' ORDER BY id";

        var onBranch = Sql.Rows(path, Query).Select(r => ((string)r[0]!, (long)r[1]!)).ToList();
        await obj.Checkout("main");
        var onMain = Sql.Rows(path, Query).Select(r => ((string)r[0]!, (long)r[1]!)).ToList();

        Assert.Equal([("acme", 11L), ("gamma", 0L)], onBranch);
        Assert.Equal([("acme", 1L), ("beta", 0L)], onMain);
        Assert.Equal(2L, Sql.Count(path, "Startup")); // the per-noun view shows main
    }
}
