namespace Do.Analytics;

/// <summary>
/// The default sink: Parquet files under <see cref="Folder"/>, partitioned by UTC date and event type
/// (<c>date=2026-11-29/type=Startup.prioritized/</c>). A batch is written to <c>*.parquet.tmp</c> files and forced to
/// disk (<see cref="WriteAsync"/>), the object's mark is advanced, and only then are the files renamed into place
/// (<see cref="CommitAsync"/>): a <c>.parquet</c> file only ever holds marked events, so a crash at any point neither
/// loses nor duplicates one. <see cref="RecoverAsync"/> finishes or discards what a crash left staged.
/// </summary>
public sealed class ParquetEventSink : IEventSink
{
    /// <summary>The sink's name, the key of its mark in every object's file.</summary>
    public const string SinkName = "parquet";

    private readonly Dictionary<string, List<(string Staged, string Final)>> _staged = new(StringComparer.Ordinal);
    private Dictionary<string, List<string>>? _stagedOnDisk;

    /// <summary>A sink writing under <paramref name="folder"/> (created if missing).</summary>
    public ParquetEventSink(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Folder = Path.GetFullPath(folder);
        Directory.CreateDirectory(Folder);
    }

    /// <summary>The root folder of the partitions.</summary>
    public string Folder { get; }

    /// <inheritdoc/>
    public string Name => SinkName;

    /// <summary>Parquet files written (published) since the sink was created.</summary>
    public long FilesWritten { get; private set; }

    /// <inheritdoc/>
    public async ValueTask WriteAsync(EventBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);

        // A batch of this object staged earlier was never marked (its mark write failed): it must not linger, or a
        // later recovery could publish it beside the batch that replaced it.
        Discard(batch.Source);
        var name = ParquetLayout.BatchFile(ParquetLayout.ObjectKey(batch.Source), batch.FirstSequence, batch.LastSequence);
        var files = new List<(string Staged, string Final)>();
        _staged[batch.Source] = files;
        foreach (var partition in batch.Events.GroupBy(e => ParquetLayout.Partition(e.At, e.Type), StringComparer.Ordinal))
        {
            var folder = Path.Combine(Folder, partition.Key);
            Directory.CreateDirectory(folder);
            var final = Path.Combine(folder, name);
            var staged = final + ".tmp";
            files.Add((staged, final));
            await EventParquet.WriteFileAsync(staged, [.. partition], cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public ValueTask CommitAsync(EventBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (_staged.Remove(batch.Source, out var files))
        {
            foreach (var (staged, final) in files)
            {
                File.Move(staged, final, overwrite: true);
                FilesWritten++;
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask RecoverAsync(string source, long streamedThrough, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        _stagedOnDisk ??= ScanStaged();
        if (_stagedOnDisk.Remove(ParquetLayout.ObjectKey(source), out var files))
        {
            foreach (var file in files)
            {
                _ = ParquetLayout.TryParseBatch(file, out _, out _, out var last);
                if (last <= streamedThrough)
                {
                    File.Move(file, file[..^".tmp".Length], overwrite: true); // marked before the crash: publish
                }
                else
                {
                    File.Delete(file); // never marked: the events are still in the outbox and will be streamed again
                }
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>After every known object recovered: staged files of objects the catalog does not know are deleted.</summary>
    internal void DiscardUnclaimedStaged()
    {
        foreach (var file in (_stagedOnDisk ?? ScanStaged()).Values.SelectMany(f => f))
        {
            File.Delete(file);
        }

        _stagedOnDisk = [];
    }

    private void Discard(string source)
    {
        if (_staged.Remove(source, out var files))
        {
            foreach (var (staged, _) in files)
            {
                File.Delete(staged);
            }
        }
    }

    private Dictionary<string, List<string>> ScanStaged()
    {
        ParquetCompactor.Recover(Folder);
        var byObject = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Folder, "*" + ParquetLayout.Staged, SearchOption.AllDirectories))
        {
            if (ParquetLayout.TryParseBatch(file, out var key, out _, out _))
            {
                if (!byObject.TryGetValue(key, out var list))
                {
                    byObject[key] = list = [];
                }

                list.Add(file);
            }
        }

        return byObject;
    }
}
