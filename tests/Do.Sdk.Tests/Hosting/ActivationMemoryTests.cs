using Do.Tests.Support;

namespace Do.Tests.Hosting;

/// <summary>
/// What an active object holds while it waits for its next call: memory per active object is a goal (≤ 250 KB,
/// benchmarks/README.md), and an idle object's prepared statements and SQLite allocator are most of it.
/// </summary>
public sealed class ActivationMemoryTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task An_activated_object_keeps_none_of_its_activations_one_time_queries_prepared()
    {
        await using var host = await DoHost.StartAsync(o => o.DataPath = _temp.Path);
        var ns = "https://memory.example";
        var obj = host.Object<Business>(ns);
        await obj.Startups().Create("acme", new Startup { Name = "Acme" });
        await obj.Branch("draft"); // a saved checkout is one more thing an activation reads back
        await obj.Checkout("draft");
        await obj.Checkout("main");
        Assert.True(await host.DeactivateAsync(ns));

        Assert.Equal("Acme", (await obj.Startup("acme").Get()).Name); // activates again

        var kept = host.ActivationOf(ObjectNamespace.Parse(ns))!.Database.CachedSql.ToList();
        Assert.Contains(kept, sql => sql.Contains("FROM tip", StringComparison.Ordinal)); // the read it will run again stays
        string[] once = ["FROM schedules", "FROM meta WHERE key", "FROM branches WHERE name", "FROM nouns WHERE name", "schema_hash", "FROM stored_events WHERE dispatched_at IS NULL", "status = 'pending'"];
        foreach (var query in once)
        {
            Assert.DoesNotContain(kept, sql => sql.Contains(query, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task An_objects_connection_serves_a_group_of_writes_from_a_lookaside_smaller_than_SQLites_default()
    {
        await using var host = await DoHost.StartAsync(o =>
        {
            o.DataPath = _temp.Path;
            o.Synchronous = SynchronousMode.Full;
        });
        var ns = "https://memory.example";
        var obj = host.Object<Business>(ns);
        await obj.Startups().Create("acme", new Startup { Name = "Acme" });

        await Task.WhenAll(Enumerable.Range(0, 64).Select(i => obj.Startup("acme").Prioritize(i)));

        var handle = host.ActivationOf(ObjectNamespace.Parse(ns))!.Database.Connection.Handle;
        SQLitePCL.raw.sqlite3_db_status(handle, SQLitePCL.raw.SQLITE_DBSTATUS_LOOKASIDE_USED, out _, out var mostSlots, 0);
        SQLitePCL.raw.sqlite3_db_status(handle, SQLitePCL.raw.SQLITE_DBSTATUS_LOOKASIDE_HIT, out _, out var hits, 0);
        Assert.True(hits > 0, "the connection has no lookaside at all");

        // SQLite's default lookaside has 123 slots (48 KB), and this load fills it; ours has 97 (36 KB). About one small
        // allocation in twenty then goes to the process's allocator instead, which the write profile does not show.
        Assert.Equal(97, mostSlots);
    }
}
