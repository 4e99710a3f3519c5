using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SQLitePCL;

namespace Do.Benchmarks.Support;

/// <summary>
/// Memory per active object: a child process (so nothing else the suite did is in its heap) activates
/// <c>count</c> existing objects with a first read each and reports the managed heap (GC.GetTotalMemory after a full
/// collection), working set and open file descriptor deltas per object, and what SQLite holds per connection
/// (<c>sqlite3_db_status</c>: page cache, parsed schema, prepared statements) and in all. When the process runs out of file
/// descriptors first, it reports how many objects it got to and the error.
/// </summary>
public static class MemoryProbe
{
    private const string Marker = "MEMORY-PROBE ";

    public sealed record Result(int Requested, int Active, double ManagedKbPerObject, double WorkingSetKbPerObject, double FdsPerObject, double ActivationSeconds, long FdLimit, string? Error)
    {
        /// <summary>SQLite's own memory per active object: its page cache, parsed schema and prepared statements, and all SQLite allocated.</summary>
        public SqliteMemory? Sqlite { get; init; }
    }

    /// <summary>Means per connection, in KB (<c>sqlite3_db_status</c>), and SQLite's whole heap divided by the active objects.</summary>
    public sealed record SqliteMemory(double PageCacheKb, double SchemaKb, double StatementsKb, double HeapKbPerObject);

    /// <summary>Runs the probe for <paramref name="count"/> objects in a child process.</summary>
    public static Result Measure(int count)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.FileName = self;
            start.ArgumentList.Add(typeof(MemoryProbe).Assembly.Location);
        }
        else
        {
            start.FileName = self;
        }

        start.ArgumentList.Add("--memory-probe");
        start.ArgumentList.Add(count.ToString(CultureInfo.InvariantCulture));
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string? line;
        Result? result = null;
        while ((line = process.StandardOutput.ReadLine()) is not null)
        {
            if (line.StartsWith(Marker, StringComparison.Ordinal))
            {
                result = JsonSerializer.Deserialize<Result>(line[Marker.Length..]);
            }
        }

        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
        }

        return result ?? new Result(count, 0, double.NaN, double.NaN, double.NaN, double.NaN, 0, $"the probe printed no result (exit {process.ExitCode}): {stderr.Result.Trim()}");
    }

    /// <summary>The child's side: prints one marked JSON line.</summary>
    public static async Task<int> RunChild(int count)
    {
        var data = ActivationFixture.DataPath(count);
        var namespaces = ActivationFixture.Namespaces(count);
        await using var host = await BenchHost.StartAsync(data, SynchronousMode.Normal, maxActiveObjects: count + 16);

        // Warm the code paths on one object, then close it again, so JIT and statics are not counted per object.
        await host.Object<Business>(namespaces[0]).Ref<Startup>("acme").Get();
        await host.DeactivateAsync(namespaces[0]);

        var (managed0, working0, fds0) = Sample();
        var limit = FdLimit();
        int active = 0;
        string? error = null;
        var started = Stopwatch.GetTimestamp();
        try
        {
            foreach (var ns in namespaces)
            {
                // Each active object holds its database, -wal and -shm files open. Stop short of the descriptor limit
                // (the runtime would fail with "unable to open database file", and so would this probe's own I/O).
                if (active % 100 == 0 && Directory.GetFileSystemEntries("/proc/self/fd").Length > limit - 512)
                {
                    error = $"stopped at {active:N0} objects: {Directory.GetFileSystemEntries("/proc/self/fd").Length:N0} file descriptors open, limit {limit:N0}";
                    break;
                }

                await host.Object<Business>(ns).Ref<Startup>("acme").Get();
                active++;
                Bounded.Check(started, active, count);
            }
        }
        catch (Exception e)
        {
            error = $"{e.GetType().Name} after {active} objects: {e.GetBaseException().Message}";
        }

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var (managed1, working1, fds1) = Sample();
        var per = Math.Max(active, 1);
        var result = new Result(
            count,
            active,
            (managed1 - managed0) / 1024.0 / per,
            (working1 - working0) / 1024.0 / per,
            (fds1 - fds0) / (double)per,
            seconds,
            limit,
            error)
        {
            Sqlite = SqliteUse(host, per),
        };
        Console.WriteLine(Marker + JsonSerializer.Serialize(result));
        GC.KeepAlive(host);
        return 0;
    }

    private static SqliteMemory SqliteUse(DoHost host, int objects)
    {
        long cache = 0, schema = 0, statements = 0;
        int connections = 0;
        foreach (var activation in host.Activations)
        {
            var db = activation.Database.Connection.Handle!;
            cache += Status(db, raw.SQLITE_DBSTATUS_CACHE_USED);
            schema += Status(db, raw.SQLITE_DBSTATUS_SCHEMA_USED);
            statements += Status(db, raw.SQLITE_DBSTATUS_STMT_USED);
            connections++;
        }

        _ = raw.sqlite3_status(raw.SQLITE_STATUS_MEMORY_USED, out var heap, out _, 0);
        double Kb(long bytes) => bytes / 1024.0 / Math.Max(connections, 1);
        return new SqliteMemory(Kb(cache), Kb(schema), Kb(statements), heap / 1024.0 / objects);

        static long Status(sqlite3 db, int what) => raw.sqlite3_db_status(db, what, out var current, out _, 0) == raw.SQLITE_OK ? current : 0;
    }

    private static (long Managed, long WorkingSet, int Fds) Sample()
    {
        var managed = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        return (managed, process.WorkingSet64, Directory.GetFileSystemEntries("/proc/self/fd").Length);
    }

    private static long FdLimit()
    {
        foreach (var line in File.ReadLines("/proc/self/limits"))
        {
            if (line.StartsWith("Max open files", StringComparison.Ordinal))
            {
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return long.TryParse(parts[3], CultureInfo.InvariantCulture, out var soft) ? soft : 0;
            }
        }

        return 0;
    }
}
