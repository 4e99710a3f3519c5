using Parquet.Utils;

namespace Do.Analytics;

/// <summary>
/// Merges a partition's small files into one. Exactly once like streaming: the merged file is written to a staged
/// name and forced to disk, a manifest naming its sources is forced to disk, the merged file is renamed into place
/// (the commit point), the sources are deleted, then the manifest. <see cref="Recover"/> finishes or undoes a
/// compaction a crash interrupted, so no event is ever counted twice or lost.
/// </summary>
internal static class ParquetCompactor
{
    /// <summary>Compacts every partition under <paramref name="folder"/> with at least <paramref name="minFiles"/> files below <paramref name="belowBytes"/>; returns how many files were merged.</summary>
    public static async Task<int> CompactAsync(string folder, long belowBytes, int minFiles, CancellationToken cancellationToken)
    {
        var merged = 0;
        if (!Directory.Exists(folder))
        {
            return 0;
        }

        foreach (var partition in Directory.EnumerateDirectories(folder, "type=*", SearchOption.AllDirectories).ToList())
        {
            var small = new DirectoryInfo(partition).EnumerateFiles("*" + ParquetLayout.Extension)
                .Where(f => f.Length < belowBytes)
                .OrderBy(f => f.Name, StringComparer.Ordinal)
                .ToList();
            if (small.Count < minFiles)
            {
                continue;
            }

            await CompactAsync(partition, small, cancellationToken).ConfigureAwait(false);
            merged += small.Count;
        }

        return merged;
    }

    /// <summary>Finishes compactions whose merged file was published; undoes those that were not.</summary>
    public static void Recover(string folder)
    {
        foreach (var manifest in Directory.EnumerateFiles(folder, "*" + ParquetLayout.ManifestExtension, SearchOption.AllDirectories).ToList())
        {
            var final = manifest[..^ParquetLayout.ManifestExtension.Length] + ParquetLayout.Extension;
            if (File.Exists(final))
            {
                var partition = Path.GetDirectoryName(manifest)!;
                foreach (var source in File.ReadAllLines(manifest))
                {
                    File.Delete(Path.Combine(partition, source));
                }
            }
            else
            {
                File.Delete(final + ".tmp");
            }

            File.Delete(manifest);
        }

        // A merge that crashed before its manifest existed left only a staged file.
        foreach (var staged in Directory.EnumerateFiles(folder, ParquetLayout.CompactedPrefix + "*" + ParquetLayout.Staged, SearchOption.AllDirectories).ToList())
        {
            File.Delete(staged);
        }
    }

    private static async Task CompactAsync(string partition, List<FileInfo> sources, CancellationToken cancellationToken)
    {
        var name = ParquetLayout.CompactedPrefix + Guid.NewGuid().ToString("N");
        var final = Path.Combine(partition, name + ParquetLayout.Extension);
        var staged = final + ".tmp";
        var manifest = Path.Combine(partition, name + ParquetLayout.ManifestExtension);
        await using (var output = new FileStream(staged, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16))
        {
            await using (var merger = new FileMerger(sources))
            {
                await merger.MergeRowGroupsAsync(output, EventParquet.Options, cancellationToken).ConfigureAwait(false);
            }

            output.Flush(flushToDisk: true);
        }

        await using (var list = new FileStream(manifest, FileMode.Create, FileAccess.Write, FileShare.None))
        await using (var writer = new StreamWriter(list))
        {
            foreach (var source in sources)
            {
                await writer.WriteLineAsync(source.Name).ConfigureAwait(false);
            }

            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            list.Flush(flushToDisk: true);
        }

        File.Move(staged, final);
        foreach (var source in sources)
        {
            source.Delete();
        }

        File.Delete(manifest);
    }
}
