using System.Globalization;

namespace Do.Analytics;

/// <summary>
/// The analytics of one host, from <c>host.Analytics()</c>: flush the stream, compact files, and query every
/// object's events with DuckDB over the view <c>events</c>.
/// </summary>
public sealed class HostAnalytics
{
    private readonly EventStreamer _streamer;

    internal HostAnalytics(EventStreamer streamer) => _streamer = streamer;

    /// <summary>The folder of the Parquet files.</summary>
    public string Folder => _streamer.Folder;

    /// <summary>Events committed but not yet streamed to every sink (the <c>do.analytics.lag</c> metric).</summary>
    public long Lag => _streamer.Lag;

    /// <summary>
    /// Streams every event committed before the call to every sink and publishes the files, whatever the age and
    /// size rolls say. Throws what a sink threw; the events stay in the outbox and are streamed again later.
    /// Do not call it from inside an object's turn (a handler): the stream needs turns of that object.
    /// </summary>
    /// <exception cref="InvalidOperationException">Called from inside an object's turn.</exception>
    public Task FlushAsync(CancellationToken cancellationToken = default)
    {
        if (Do.Hosting.CallChain.IsInAnyTurn)
        {
            throw new InvalidOperationException("host.Analytics().FlushAsync() was called from inside an object's turn; the stream needs that object's turn. Call it from outside objects (or let the stream run in the background).");
        }

        return _streamer.FlushAsync(cancellationToken);
    }

    /// <summary>Merges each partition's small files into one (see <see cref="AnalyticsOptions.CompactBelowBytes"/>); returns how many files were merged.</summary>
    public Task<int> CompactAsync(CancellationToken cancellationToken = default) => _streamer.CompactAsync(cancellationToken);

    /// <summary>
    /// Runs DuckDB SQL over the view <c>events</c> (columns id, type, type_url, source, thing, actor, action, verb,
    /// version, at, data) spanning every published file. Each row maps column names to values (null for SQL NULL).
    /// </summary>
    /// <exception cref="ArgumentException">The query is empty.</exception>
    /// <exception cref="AnalyticsQueryException">DuckDB refused or failed the query.</exception>
    public Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> QueryAsync(string sql, CancellationToken cancellationToken = default)
        => QueryAsync(sql, [], cancellationToken);

    /// <summary>Like <see cref="QueryAsync(string, CancellationToken)"/>, with positional parameters (<c>?</c> or <c>$1</c>).</summary>
    /// <exception cref="ArgumentException">The query is empty.</exception>
    /// <exception cref="AnalyticsQueryException">DuckDB refused or failed the query.</exception>
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> QueryAsync(string sql, IReadOnlyList<object?> parameters, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(sql))
        {
            throw new ArgumentException($"The analytics query \"{sql}\" is empty; expected DuckDB SQL such as \"SELECT type, count(*) FROM events GROUP BY type\".", nameof(sql));
        }

        ArgumentNullException.ThrowIfNull(parameters);
        await _streamer.FilesGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await Task.Run(() => EventQuery.Run(_streamer.Folder, sql, parameters), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _streamer.FilesGate.Release();
        }
    }

    /// <summary>Events per type, most frequent first, optionally within [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public async Task<IReadOnlyList<TypeCount>> CountByTypeAsync(DateTimeOffset? from = null, DateTimeOffset? to = null, CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync($"SELECT type, count(*) AS n FROM events WHERE {Window} GROUP BY type ORDER BY n DESC, type", WindowParameters(from, to), cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => new TypeCount((string)r["type"]!, ToLong(r["n"])))];
    }

    /// <summary>Events per object, most active first, optionally within [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public async Task<IReadOnlyList<SourceCount>> CountBySourceAsync(DateTimeOffset? from = null, DateTimeOffset? to = null, CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync($"SELECT source, count(*) AS n FROM events WHERE {Window} GROUP BY source ORDER BY n DESC, source", WindowParameters(from, to), cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => new SourceCount((string)r["source"]!, ToLong(r["n"])))];
    }

    /// <summary>Events per time bucket and type, oldest first; only <paramref name="type"/> when given.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bucket"/> is not a <see cref="TimeBucket"/>.</exception>
    public async Task<IReadOnlyList<TimeBucketCount>> CountOverTimeAsync(TimeBucket bucket, string? type = null, DateTimeOffset? from = null, DateTimeOffset? to = null, CancellationToken cancellationToken = default)
    {
        var unit = bucket switch
        {
            TimeBucket.Minute => "minute",
            TimeBucket.Hour => "hour",
            TimeBucket.Day => "day",
            _ => throw new ArgumentOutOfRangeException(nameof(bucket), bucket, $"TimeBucket {(int)bucket} is not defined; expected Minute, Hour or Day."),
        };
        var parameters = WindowParameters(from, to);
        var rows = await QueryAsync(
            $"SELECT date_trunc('{unit}', \"at\") AS bucket, type, count(*) AS n FROM events WHERE {Window} AND (?::VARCHAR IS NULL OR type = ?::VARCHAR) GROUP BY bucket, type ORDER BY bucket, type",
            [.. parameters, type, type],
            cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => new TimeBucketCount(new DateTimeOffset(DateTime.SpecifyKind((DateTime)r["bucket"]!, DateTimeKind.Utc)), (string)r["type"]!, ToLong(r["n"])))];
    }

    private const string Window = "(?::TIMESTAMP IS NULL OR \"at\" >= ?::TIMESTAMP) AND (?::TIMESTAMP IS NULL OR \"at\" < ?::TIMESTAMP)";

    private static List<object?> WindowParameters(DateTimeOffset? from, DateTimeOffset? to)
    {
        object? f = from?.UtcDateTime;
        object? t = to?.UtcDateTime;
        return [f, f, t, t];
    }

    private static long ToLong(object? value) => Convert.ToInt64(value, CultureInfo.InvariantCulture);
}
