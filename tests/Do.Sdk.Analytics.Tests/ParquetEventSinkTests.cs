using Do.Analytics.Tests.Support;
using Do.Tests.Support;

namespace Do.Analytics.Tests;

public sealed class ParquetEventSinkTests : IDisposable
{
    private const string Acme = "https://acme.example";
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private long Count() => Duck.Scalar($"SELECT count(*) FROM read_parquet('{Duck.Glob(_temp.Path)}')");

    [Fact]
    public async Task A_file_we_write_is_read_by_DuckDB_read_parquet_with_the_global_columns()
    {
        var sink = new ParquetEventSink(_temp.Path);
        var batch = TestEvents.Batch(Acme, 1, 3);
        await sink.WriteAsync(batch, default);
        await sink.CommitAsync(batch, default);

        var file = Assert.Single(Directory.GetFiles(_temp.Path, "*.parquet", SearchOption.AllDirectories)).Replace("'", "''", StringComparison.Ordinal);
        // Without hive_partitioning = false DuckDB also adds the folder names' date (and type) as columns.
        var columns = Duck.Rows($"DESCRIBE SELECT * FROM read_parquet('{file}', hive_partitioning = false)").Select(r => $"{r[0]} {r[1]}").ToList();
        Assert.Equal(
            ["id VARCHAR", "type VARCHAR", "type_url VARCHAR", "source VARCHAR", "thing VARCHAR", "actor VARCHAR", "action BIGINT", "verb VARCHAR", "version BIGINT", "at TIMESTAMP", "data VARCHAR"],
            columns);
        var row = Duck.Rows($"""SELECT id, type, type_url, source, thing, actor, action, verb, version, "at", data FROM read_parquet('{file}', hive_partitioning = false) ORDER BY id LIMIT 1""").Single();
        Assert.Equal<object?>([Acme + "#1", "Startup.prioritized", Acme + "/Startup", Acme, Acme + "/acme", "alice", 101L, "Prioritize", 1001L, TestEvents.At.UtcDateTime, "{\"priority\":1}"], row);
    }

    [Fact]
    public async Task A_written_batch_is_invisible_until_committed()
    {
        var sink = new ParquetEventSink(_temp.Path);
        var batch = TestEvents.Batch(Acme, 1, 3);

        await sink.WriteAsync(batch, default);
        Assert.Empty(Directory.GetFiles(_temp.Path, "*.parquet", SearchOption.AllDirectories));

        await sink.CommitAsync(batch, default);
        Assert.Equal(3, Count());
    }

    [Fact]
    public async Task After_a_crash_recovery_publishes_staged_batches_the_mark_covers_and_deletes_the_others()
    {
        var crashed = new ParquetEventSink(_temp.Path);
        await crashed.WriteAsync(TestEvents.Batch(Acme, 1, 3), default);                  // marked (3), crashed before the rename
        await crashed.WriteAsync(TestEvents.Batch("https://other.example", 1, 2), default); // never marked
        var restarted = new ParquetEventSink(_temp.Path);

        await restarted.RecoverAsync(Acme, streamedThrough: 3, default);
        await restarted.RecoverAsync("https://other.example", streamedThrough: 0, default);

        Assert.Equal(3, Count());
        Assert.Empty(Directory.GetFiles(_temp.Path, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_batch_written_again_replaces_the_staged_one_that_was_never_marked()
    {
        var sink = new ParquetEventSink(_temp.Path);
        await sink.WriteAsync(TestEvents.Batch(Acme, 1, 2), default); // its mark write failed
        var retry = TestEvents.Batch(Acme, 1, 4);
        await sink.WriteAsync(retry, default);
        await sink.CommitAsync(retry, default);

        // A restart whose mark covers both must not publish the stale one beside the retry.
        await new ParquetEventSink(_temp.Path).RecoverAsync(Acme, streamedThrough: 4, default);

        Assert.Equal(4, Count());
        Assert.Equal(4, Duck.Scalar($"SELECT count(DISTINCT id) FROM read_parquet('{Duck.Glob(_temp.Path)}')"));
    }

    [Fact]
    public async Task Staged_files_of_objects_nobody_claims_are_deleted()
    {
        await new ParquetEventSink(_temp.Path).WriteAsync(TestEvents.Batch("https://gone.example", 1, 2), default);
        var restarted = new ParquetEventSink(_temp.Path);

        restarted.DiscardUnclaimedStaged();

        Assert.Empty(Directory.GetFiles(_temp.Path, "*", SearchOption.AllDirectories));
    }
}
