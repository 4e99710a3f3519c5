using BenchmarkDotNet.Attributes;
using Do.Analytics;
using Microsoft.Data.Sqlite;
using Parquet;
using Parquet.Schema;
using Startup = Do.Tests.Support.Startup;

namespace Do.Benchmarks;

/// <summary>
/// Streaming a backlog of committed events to Parquet (read each object's outbox, write the files, advance the
/// marks, publish) against writing the same rows with Parquet.Net directly, one file per object, fsync included.
/// Each iteration starts from a backlog: marks cleared and files removed while no host runs, then a fresh host.
/// </summary>
[InvocationCount(1)]
public class AnalyticsBenchmarks
{
    private const int Objects = 10;
    private const int EventsPerObject = 2_000;
    private const int Events = Objects * EventsPerObject;

    private Support.TempFolder _temp = null!;
    private DoHost? _host;
    private Rows[] _rows = null!;
    private string _direct = "";

    [GlobalSetup]
    public void Setup()
    {
        _temp = new Support.TempFolder("analytics");
        using (var host = DoHost.StartAsync(o => o.DataPath = _temp.Path).GetAwaiter().GetResult())
        {
            for (int o = 0; o < Objects; o++)
            {
                var obj = host.Object<Business>($"https://o{o}.bench");
                obj.Collection<Startup>().Create("acme", new Startup { Name = "Acme" }).GetAwaiter().GetResult();
                for (int i = 1; i < EventsPerObject; i++)
                {
                    obj.Ref<Startup>("acme").Invoke(Startup.PrioritizeVerb, "{\"by\":1}", (s, _) =>
                    {
                        s.Prioritize();
                        return ValueTask.CompletedTask;
                    }).GetAwaiter().GetResult();
                }
            }
        }

        // The baseline's rows: the same strings the stream writes (id, type, type_url, source, thing, verb, data).
        _rows = [.. Enumerable.Range(0, Objects).Select(o => new Rows(o, EventsPerObject))];
        _direct = Path.Combine(_temp.Path, "direct");
    }

    [IterationSetup(Target = nameof(Stream_Backlog))]
    public void ResetBacklog()
    {
        _host?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        var analytics = Path.Combine(_temp.Path, "analytics");
        if (Directory.Exists(analytics))
        {
            Directory.Delete(analytics, recursive: true);
        }

        foreach (var file in Directory.GetFiles(Path.Combine(_temp.Path, "objects"), "*.db", SearchOption.AllDirectories))
        {
            using var db = new SqliteConnection($"Data Source={file};Pooling=False");
            db.Open();
            using var command = db.CreateCommand();
            command.CommandText = "CREATE TABLE IF NOT EXISTS event_streams (sink TEXT PRIMARY KEY, sequence INTEGER NOT NULL, updated_at INTEGER NOT NULL) WITHOUT ROWID; DELETE FROM event_streams;";
            command.ExecuteNonQuery();
        }

        _host = DoHost.StartAsync(o =>
        {
            o.DataPath = _temp.Path;
            o.UseAnalytics(a => a.MaxDelay = TimeSpan.FromHours(1));
        }).GetAwaiter().GetResult();
    }

    [IterationSetup(Target = nameof(ParquetNet_Direct))]
    public void ResetDirect()
    {
        if (Directory.Exists(_direct))
        {
            Directory.Delete(_direct, recursive: true);
        }

        Directory.CreateDirectory(_direct);
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public Task Stream_Backlog() => _host!.Analytics().FlushAsync();

    [Benchmark(Baseline = true, OperationsPerInvoke = Events)]
    public async Task ParquetNet_Direct()
    {
        for (int o = 0; o < Objects; o++)
        {
            await WriteAsync(Path.Combine(_direct, $"o{o}.parquet"), _rows[o]);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _host?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _temp.Dispose();
    }

    private static readonly DataField[] Strings = [.. new[] { "id", "type", "type_url", "source", "thing", "actor" }.Select(n => new DataField(n, typeof(string)))];
    private static readonly DataField Action = new("action", typeof(long?));
    private static readonly DataField Verb = new("verb", typeof(string));
    private static readonly DataField Version = new("version", typeof(long?));
    private static readonly DateTimeDataField At = new("at", DateTimeFormat.Timestamp, isAdjustedToUTC: false, unit: DateTimeTimeUnit.Millis, isNullable: false);
    private static readonly DataField Data = new("data", typeof(string));
    private static readonly ParquetSchema Schema = new([.. Strings, Action, Verb, Version, At, Data]);

    private static async Task WriteAsync(string path, Rows rows)
    {
        await using var stream = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16);
        await using (var writer = await ParquetWriter.CreateAsync(Schema, stream, new ParquetOptions { CompressionMethod = CompressionMethod.Snappy }))
        {
            using var group = writer.CreateRowGroup();
            for (int i = 0; i < Strings.Length; i++)
            {
                await group.WriteAsync(Strings[i], rows.Strings[i]);
            }

            await group.WriteAsync<long>(Action, rows.Actions);
            await group.WriteAsync(Verb, rows.Verbs);
            await group.WriteAsync<long>(Version, rows.Actions);
            await group.WriteAsync<DateTime>(At, rows.At);
            await group.WriteAsync(Data, rows.Data);
            group.CompleteValidate();
        }

        stream.Flush(flushToDisk: true);
    }

    /// <summary>One object's rows as columns, built before the measurement.</summary>
    private sealed class Rows
    {
        public Rows(int o, int n)
        {
            var source = $"https://o{o}.bench";
            Strings =
            [
                [.. Enumerable.Range(1, n).Select(s => $"{source}#{s}")],
                [.. Enumerable.Repeat("Startup.prioritized", n)],
                [.. Enumerable.Repeat(source + "/Startup", n)],
                [.. Enumerable.Repeat(source, n)],
                [.. Enumerable.Repeat(source + "/acme", n)],
                new string?[n],
            ];
            Actions = [.. Enumerable.Range(1, n).Select(i => (long?)i)];
            Verbs = [.. Enumerable.Repeat("Prioritize", n)];
            At = [.. Enumerable.Repeat(new DateTime(2026, 11, 29, 9, 0, 0, DateTimeKind.Utc), n)];
            Data = [.. Enumerable.Range(1, n).Select(i => $"{{\"name\":\"Acme\",\"priority\":{i},\"tags\":[]}}")];
        }

        public string?[][] Strings { get; }

        public long?[] Actions { get; }

        public string[] Verbs { get; }

        public DateTime[] At { get; }

        public string[] Data { get; }
    }
}
