using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Do.Benchmarks.Support;

/// <summary>
/// Memory per active object: a child process (so nothing else the suite did is in its heap) activates
/// <c>count</c> existing objects with a first read each and reports the managed heap (GC.GetTotalMemory after a full
/// collection), working set and open file descriptor deltas per object. When the process runs out of file
/// descriptors first, it reports how many objects it got to and the error.
/// </summary>
public static class MemoryProbe
{
    private const string Marker = "MEMORY-PROBE ";

    public sealed record Result(int Requested, int Active, double ManagedKbPerObject, double WorkingSetKbPerObject, double FdsPerObject, double ActivationSeconds, long FdLimit, string? Error);

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
            error);
        Console.WriteLine(Marker + JsonSerializer.Serialize(result));
        GC.KeepAlive(host);
        return 0;
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
