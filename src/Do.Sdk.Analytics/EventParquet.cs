using Parquet;
using Parquet.Schema;

namespace Do.Analytics;

/// <summary>The Parquet schema of the global event columns and the one way events become a file.</summary>
internal static class EventParquet
{
    public static readonly DataField Id = new("id", typeof(string));
    public static readonly DataField Type = new("type", typeof(string));
    public static readonly DataField TypeUrl = new("type_url", typeof(string));
    public static readonly DataField Source = new("source", typeof(string));
    public static readonly DataField Thing = new("thing", typeof(string));
    public static readonly DataField Actor = new("actor", typeof(string));
    public static readonly DataField Action = new("action", typeof(long?));
    public static readonly DataField Verb = new("verb", typeof(string));
    public static readonly DataField Version = new("version", typeof(long?));

    // UTC wall time as a plain TIMESTAMP: DuckDB reads it without a time-zone setting, so date_trunc means UTC.
    public static readonly DateTimeDataField At = new("at", DateTimeFormat.Timestamp, isAdjustedToUTC: false, unit: DateTimeTimeUnit.Millis, isNullable: false);
    public static readonly DataField Data = new("data", typeof(string));

    public static readonly ParquetSchema Schema = new(Id, Type, TypeUrl, Source, Thing, Actor, Action, Verb, Version, At, Data);

    public static readonly ParquetOptions Options = new() { CompressionMethod = CompressionMethod.Snappy };

    /// <summary>Writes <paramref name="events"/> to a new file at <paramref name="path"/> as one row group and forces it to disk.</summary>
    public static async Task WriteFileAsync(string path, IReadOnlyList<AnalyticsEvent> events, CancellationToken cancellationToken)
    {
        var count = events.Count;
        var ids = new string[count];
        var types = new string[count];
        var typeUrls = new string?[count];
        var sources = new string[count];
        var things = new string[count];
        var actors = new string?[count];
        var actions = new long?[count];
        var verbs = new string?[count];
        var versions = new long?[count];
        var ats = new DateTime[count];
        var data = new string?[count];
        for (int i = 0; i < count; i++)
        {
            var e = events[i];
            ids[i] = e.Id;
            types[i] = e.Type;
            typeUrls[i] = e.TypeUrl;
            sources[i] = e.Source;
            things[i] = e.Thing;
            actors[i] = e.Actor;
            actions[i] = e.Action;
            verbs[i] = e.Verb;
            versions[i] = e.Version;
            ats[i] = e.At.UtcDateTime;
            data[i] = e.Data;
        }

        await using var stream = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16);
        await using (var writer = await ParquetWriter.CreateAsync(Schema, stream, Options, append: false, cancellationToken).ConfigureAwait(false))
        {
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(Id, ids).ConfigureAwait(false);
            await group.WriteAsync(Type, types).ConfigureAwait(false);
            await group.WriteAsync(TypeUrl, typeUrls).ConfigureAwait(false);
            await group.WriteAsync(Source, sources).ConfigureAwait(false);
            await group.WriteAsync(Thing, things).ConfigureAwait(false);
            await group.WriteAsync(Actor, actors).ConfigureAwait(false);
            await group.WriteAsync<long>(Action, actions, cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.WriteAsync(Verb, verbs).ConfigureAwait(false);
            await group.WriteAsync<long>(Version, versions, cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.WriteAsync<DateTime>(At, ats, cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.WriteAsync(Data, data).ConfigureAwait(false);
            group.CompleteValidate();
        }

        // Durable before it is renamed or marked: a crash must never publish a torn file.
        stream.Flush(flushToDisk: true);
    }
}
