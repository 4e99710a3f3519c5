using System.Diagnostics;
using System.Globalization;

namespace Do.Benchmarks;

/// <summary>
/// A Stopwatch harness for the generators' cold runs (issue 12): alternates System.Text.Json's and the Do generator
/// on fresh compilations and drivers, so both see the same machine load, and reports medians of the wall time, of
/// the process CPU time and of the bytes allocated (all threads) each run used. On a shared machine (load average 40–70 on 2 cores while others build) wall
/// time mostly measures waiting for a core; CPU time is the comparable figure there. Cheaper than BenchmarkDotNet for a
/// profile-edit-measure loop.
/// <code>dotnet run -c Release --project benchmarks/Do.Sdk.Benchmarks -- --generator-profile [nouns] [rounds] [old-generator.dll]</code>
/// With the path of another build of Do.Sdk.Generators.dll (e.g. built from an earlier commit), that build runs as a
/// third contender in the same rounds, loaded into its own AssemblyLoadContext: a before/after in one process.
/// </summary>
public static class GeneratorProfile
{
    public static int Run(int nouns, int rounds, params string[] otherGenerators)
    {
        var bench = new GeneratorBenchmarks { Nouns = nouns };
        bench.Setup();
        var contenders = new List<Contender>
        {
            new("System.Text.Json", bench.Stj_Cold),
            new("Do (this build)", bench.Do_Cold),
        };
        foreach (var path in otherGenerators)
        {
            var generator = LoadGenerator(path);
            contenders.Add(new($"Do ({Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(path)))})", () => bench.Cold(generator)));
        }

        // Each round rotates the order, so no contender always runs right after the same other one.
        for (int round = 0; round < rounds; round++)
        {
            for (int i = 0; i < contenders.Count; i++)
            {
                contenders[(round + i) % contenders.Count].Measure();
            }
        }

        // The first rounds run partly on tier-0 code: tiered compilation promotes the generators' methods only after
        // a quiet 100 ms, which a busy run rarely has, so at 1,000 nouns times still fell until the fifth or sixth
        // round. The first half of the rounds is dropped from the medians when there are enough of them.
        var skip = rounds > 4 ? rounds / 2 : 0;
        var stj = contenders[0];
        Console.WriteLine(Invariant($"{nouns} nouns, {rounds} rotating rounds (first {skip} dropped as warm-up), {Environment.ProcessorCount} cores"));
        foreach (var c in contenders)
        {
            // The fastest round's thread CPU time as well: on a loaded machine the least disturbed round is the closest
            // to what the generator itself costs.
            var ratio = c == stj ? "" : Invariant($"; ratio {Median(c.Wall, skip) / Median(stj.Wall, skip):0.00}x wall, {Median(c.Cpu, skip) / Median(stj.Cpu, skip):0.00}x CPU, {Median(c.ThreadCpu, skip) / Median(stj.ThreadCpu, skip):0.00}x thread CPU, {Best(c.ThreadCpu, skip) / Best(stj.ThreadCpu, skip):0.00}x best thread CPU");
            Console.WriteLine(Invariant($"  {c.Name,-28} {Median(c.Wall, skip),7:0.0} ms wall, {Median(c.Cpu, skip),7:0.0} ms CPU, {Median(c.ThreadCpu, skip),7:0.0} ms thread CPU (best {Best(c.ThreadCpu, skip):0.0}), {Median(c.Megabytes, skip),5:0.0} MB, {Median(c.GcPause, skip),6:0.0} ms GC pause, {Median(c.Gen1, skip):0} gen1+ GCs{ratio}"));
            if (Environment.GetEnvironmentVariable("DO_PROFILE_ROUNDS") == "1")
            {
                Console.WriteLine("    wall by round: " + string.Join(" ", c.Wall.Select(v => v.ToString("0", CultureInfo.InvariantCulture))));
            }
        }

        Describe("System.Text.Json", bench.Stj_Tracked());
        Describe("Do", bench.Do_Tracked());
        return 0;
    }

    // One more run with step tracking on: where the time goes, by step, and how much source each generator adds.
    private static void Describe(string name, Microsoft.CodeAnalysis.GeneratorDriver driver)
    {
        var result = driver.GetRunResult().Results[0];
        var chars = result.GeneratedSources.Sum(s => s.SourceText.Length);
        Console.WriteLine(Invariant($"  {name}: {result.GeneratedSources.Length} files, {chars / 1024.0:0} K chars, generator {driver.GetTimingInfo().ElapsedTime.TotalMilliseconds:0.0} ms"));
        foreach (var (step, runs) in result.TrackedSteps.Concat(result.TrackedOutputSteps).OrderByDescending(s => s.Value.Sum(r => r.ElapsedTime.Ticks)).Take(12))
        {
            Console.WriteLine(Invariant($"    {step,-40} {runs.Sum(r => r.ElapsedTime.TotalMilliseconds),8:0.0} ms over {runs.Length} runs"));
        }
    }

    private static Microsoft.CodeAnalysis.IIncrementalGenerator LoadGenerator(string path)
    {
        // Its own load context, because this process already loaded the current Do.Sdk.Generators; Roslyn itself still
        // comes from the default context, so the interfaces are the same types.
        var assembly = new System.Runtime.Loader.AssemblyLoadContext("previous-generator").LoadFromAssemblyPath(Path.GetFullPath(path));
        var type = assembly.GetType("Do.Sdk.Generators.NounGenerator", throwOnError: true)!;
        return (Microsoft.CodeAnalysis.IIncrementalGenerator)Activator.CreateInstance(type)!;
    }

    private static double Best(List<double> values, int skip) => values.Skip(skip).Min();

    private static double Median(List<double> values, int skip)
    {
        var sorted = values.Skip(skip).Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed class Contender(string name, Func<Microsoft.CodeAnalysis.GeneratorDriver> run)
    {
        public string Name { get; } = name;

        public List<double> Wall { get; } = [];

        public List<double> Cpu { get; } = [];

        public List<double> ThreadCpu { get; } = [];

        public List<double> Megabytes { get; } = [];

        public List<double> GcPause { get; } = [];

        public List<double> Gen1 { get; } = [];

        public void Measure()
        {
            // A full collection first, so no generator pays for another's garbage.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            using var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var threadBefore = ThreadCpuTime();
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var pauseBefore = GC.GetTotalPauseDuration();
            var gen1Before = GC.CollectionCount(1);
            var started = Stopwatch.GetTimestamp();
            _ = run();
            Wall.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            ThreadCpu.Add(ThreadCpuTime() - threadBefore);
            GcPause.Add((GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds);
            Gen1.Add(GC.CollectionCount(1) - gen1Before);
            Megabytes.Add((GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / (1024.0 * 1024.0));
            process.Refresh();
            Cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
        }
    }

    // CPU time of the calling thread, in ms: the driver runs the generator on it, so this leaves out time spent waiting
    // for a core and the runtime's background threads (tiered JIT, background GC). Linux only; NaN elsewhere.
    private static double ThreadCpuTime()
    {
        if (!OperatingSystem.IsLinux())
        {
            return double.NaN;
        }

        const int ClockThreadCpuTimeId = 3;
        return ClockGetTime(ClockThreadCpuTimeId, out var time) == 0 ? (time.Seconds * 1e3) + (time.Nanoseconds / 1e6) : double.NaN;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
