using Do.Analytics.Tests.Support;
using Do.Tests.Support;

namespace Do.Analytics.Tests;

public sealed class ParquetCompactorTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Partition => Path.Combine(_temp.Path, "date=2026-11-23", "type=Startup.prioritized");

    private long Count(string what = "*") => Duck.Scalar($"SELECT count({what}) FROM read_parquet('{Duck.Glob(_temp.Path)}')");

    private async Task<List<string>> WriteBatchesAsync(int batches)
    {
        var sink = new ParquetEventSink(_temp.Path);
        for (int i = 0; i < batches; i++)
        {
            var batch = TestEvents.Batch("https://acme.example", (i * 3) + 1, (i * 3) + 3);
            await sink.WriteAsync(batch, default);
            await sink.CommitAsync(batch, default);
        }

        return [.. Directory.GetFiles(Partition, "*.parquet")];
    }

    [Fact]
    public async Task Small_files_of_a_partition_become_one_with_the_same_rows()
    {
        await WriteBatchesAsync(5);

        Assert.Equal(5, await ParquetCompactor.CompactAsync(_temp.Path, belowBytes: 1 << 20, minFiles: 4, default));

        Assert.Single(Directory.GetFiles(Partition, "*.parquet"));
        Assert.Empty(Directory.GetFiles(Partition, "*.manifest"));
        Assert.Equal(15, Count());
        Assert.Equal(15, Count("DISTINCT id"));
    }

    [Fact]
    public async Task Partitions_with_few_or_large_files_are_left_alone()
    {
        await WriteBatchesAsync(3);

        Assert.Equal(0, await ParquetCompactor.CompactAsync(_temp.Path, belowBytes: 1 << 20, minFiles: 4, default));
        Assert.Equal(0, await ParquetCompactor.CompactAsync(_temp.Path, belowBytes: 10, minFiles: 2, default));
        Assert.Equal(3, Directory.GetFiles(Partition, "*.parquet").Length);
    }

    [Fact]
    public async Task A_compaction_interrupted_after_publishing_finishes_on_recovery_without_duplicates()
    {
        var sources = await WriteBatchesAsync(4);
        var saved = sources.ToDictionary(f => f, File.ReadAllBytes);
        await ParquetCompactor.CompactAsync(_temp.Path, 1 << 20, 4, default);
        var merged = Assert.Single(Directory.GetFiles(Partition, "*.parquet"));

        // The crash came after the rename, before the sources were deleted.
        foreach (var (path, bytes) in saved)
        {
            File.WriteAllBytes(path, bytes);
        }

        File.WriteAllLines(Path.ChangeExtension(merged, ".manifest"), sources.Select(Path.GetFileName)!);
        Assert.Equal(24, Count());

        ParquetCompactor.Recover(_temp.Path);

        Assert.Equal([merged], Directory.GetFiles(Partition));
        Assert.Equal(12, Count());
    }

    [Fact]
    public async Task A_compaction_interrupted_before_publishing_is_undone_on_recovery()
    {
        var sources = await WriteBatchesAsync(4);
        var saved = sources.ToDictionary(f => f, File.ReadAllBytes);
        await ParquetCompactor.CompactAsync(_temp.Path, 1 << 20, 4, default);
        var merged = Assert.Single(Directory.GetFiles(Partition, "*.parquet"));

        // The crash came after the manifest, before the rename: the merged file is still staged, the sources all there.
        File.Move(merged, merged + ".tmp");
        foreach (var (path, bytes) in saved)
        {
            File.WriteAllBytes(path, bytes);
        }

        File.WriteAllLines(Path.ChangeExtension(merged, ".manifest"), sources.Select(Path.GetFileName)!);

        ParquetCompactor.Recover(_temp.Path);

        Assert.Equal(sources.Order(StringComparer.Ordinal), Directory.GetFiles(Partition).Order(StringComparer.Ordinal));
        Assert.Equal(12, Count());
    }
}
