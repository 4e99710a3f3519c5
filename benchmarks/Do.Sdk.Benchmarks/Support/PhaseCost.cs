using System.Diagnostics;

namespace Do.Benchmarks.Support;

/// <summary>What one run of a probe's phase cost per write: wall time, process CPU time and managed bytes allocated.</summary>
public readonly record struct PhaseCost(double WallMicros, double CpuMicros, double Bytes)
{
    /// <summary>Runs <paramref name="run"/> once and divides its wall time, CPU time and allocations by <paramref name="writes"/>.</summary>
    public static async Task<PhaseCost> Measure(Func<Task> run, int writes)
    {
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var started = Stopwatch.GetTimestamp();
        await run();
        var elapsed = Stopwatch.GetElapsedTime(started);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        process.Refresh();
        return new PhaseCost(elapsed.TotalMicroseconds / writes, (process.TotalProcessorTime - cpuBefore).TotalMicroseconds / writes, (double)allocated / writes);
    }
}
