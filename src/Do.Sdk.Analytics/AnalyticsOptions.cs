namespace Do.Analytics;

/// <summary>Settings of the analytics stream, set in <c>options.UseAnalytics(a => …)</c>. Validated once, with every problem listed.</summary>
public sealed class AnalyticsOptions
{
    /// <summary>The folder of the Parquet files. Default: <c>analytics</c> under the host's data folder.</summary>
    public string? Path { get; set; }

    /// <summary>Write events to Parquet files (the default sink). Default true.</summary>
    public bool ParquetFiles { get; set; } = true;

    /// <summary>
    /// Size roll: the most events of one object in one batch (one file per partition). As soon as this many wait in an
    /// object's outbox, they are streamed. Default 10,000.
    /// </summary>
    public int BatchSize { get; set; } = 10_000;

    /// <summary>Age roll: events wait at most about this long before they are streamed. Default 5 seconds.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Files smaller than this are "small" and merged by compaction. Default 4 MiB.</summary>
    public long CompactBelowBytes { get; set; } = 4L << 20;

    /// <summary>A partition is compacted once it holds at least this many small files. Default 16.</summary>
    public int CompactMinFiles { get; set; } = 16;

    /// <summary>How often the stream looks for partitions to compact. Default 1 minute.</summary>
    public TimeSpan CompactInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Other sinks (external systems); each keeps its own mark in every object's file.</summary>
    public IList<IEventSink> Sinks { get; } = [];

    /// <summary>
    /// Called at the stream's commit points (<c>staged</c>: a batch written but not marked; <c>marked</c>: marked
    /// but not published), so the crash test can kill the process exactly there.
    /// </summary>
    internal Func<string, ValueTask>? CommitPointHook { get; set; }

    /// <summary>Throws one exception that lists every invalid setting.</summary>
    /// <exception cref="InvalidOptionsException">At least one setting is invalid.</exception>
    public void Validate()
    {
        var errors = new List<string>();
        if (Path is not null && (string.IsNullOrWhiteSpace(Path) || Path.AsSpan().IndexOfAny(System.IO.Path.GetInvalidPathChars()) >= 0))
        {
            errors.Add($"Analytics Path \"{Path}\" is not a usable folder path; expected null (data/analytics) or a path such as \"/var/do/analytics\".");
        }

        if (BatchSize < 1)
        {
            errors.Add($"Analytics BatchSize is {BatchSize}; expected at least 1 (default 10000).");
        }

        if (MaxDelay <= TimeSpan.Zero)
        {
            errors.Add($"Analytics MaxDelay is {MaxDelay}; expected a positive duration such as 00:00:05.");
        }

        if (CompactBelowBytes < 1)
        {
            errors.Add($"Analytics CompactBelowBytes is {CompactBelowBytes}; expected a positive size in bytes such as 4194304.");
        }

        if (CompactMinFiles < 2)
        {
            errors.Add($"Analytics CompactMinFiles is {CompactMinFiles}; expected at least 2.");
        }

        if (CompactInterval <= TimeSpan.Zero)
        {
            errors.Add($"Analytics CompactInterval is {CompactInterval}; expected a positive duration such as 00:01:00.");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        if (ParquetFiles)
        {
            names.Add(ParquetEventSink.SinkName);
        }

        foreach (var sink in Sinks)
        {
            if (sink is null)
            {
                errors.Add("Analytics Sinks holds null; expected IEventSink instances.");
            }
            else if (string.IsNullOrWhiteSpace(sink.Name))
            {
                errors.Add($"Analytics sink {sink.GetType().Name} has an empty Name; expected a stable name such as \"kafka\".");
            }
            else if (!names.Add(sink.Name))
            {
                errors.Add($"Analytics sink name \"{sink.Name}\" is used twice; each sink needs its own name (it keys the sink's mark).");
            }
        }

        if (names.Count == 0)
        {
            errors.Add("Analytics has no sink: ParquetFiles is false and Sinks is empty; enable one.");
        }

        if (errors.Count > 0)
        {
            throw new InvalidOptionsException(errors);
        }
    }
}
