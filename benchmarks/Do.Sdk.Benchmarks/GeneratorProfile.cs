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
    public static int Run(int nouns, int rounds, string? oldGenerator = null)
    {
        var bench = new GeneratorBenchmarks { Nouns = nouns };
        bench.Setup();
        var old = oldGenerator is null ? null : LoadGenerator(oldGenerator);
        var before = new List<double>();
        var beforeCpu = new List<double>();
        var beforeMb = new List<double>();
        var stj = new List<double>();
        var stjCpu = new List<double>();
        var stjMb = new List<double>();
        var ours = new List<double>();
        var oursCpu = new List<double>();
        var oursMb = new List<double>();
        for (int round = 0; round < rounds; round++)
        {
            Measure(bench.Stj_Cold, stj, stjCpu, stjMb);
            Measure(bench.Do_Cold, ours, oursCpu, oursMb);
            if (old is not null)
            {
                Measure(() => bench.Cold(old), before, beforeCpu, beforeMb);
            }
        }

        // The first rounds include JIT and are dropped from the medians when there are enough of them.
        var skip = rounds > 4 ? 2 : 0;
        Console.WriteLine(Invariant($"{nouns} nouns, {rounds} alternating rounds (first {skip} dropped), {Environment.ProcessorCount} cores"));
        Console.WriteLine(Invariant($"  System.Text.Json cold: {Median(stj, skip):0.0} ms wall, {Median(stjCpu, skip):0.0} ms CPU, {Median(stjMb, skip):0.0} MB allocated"));
        Console.WriteLine(Invariant($"  Do cold:               {Median(ours, skip):0.0} ms wall, {Median(oursCpu, skip):0.0} ms CPU, {Median(oursMb, skip):0.0} MB allocated"));
        Console.WriteLine(Invariant($"  ratio:                 {Median(ours, skip) / Median(stj, skip):0.00}x wall, {Median(oursCpu, skip) / Median(stjCpu, skip):0.00}x CPU, {Median(oursMb, skip) / Median(stjMb, skip):0.00}x allocated"));
        if (old is not null)
        {
            Console.WriteLine(Invariant($"  Do cold, {Path.GetFileName(Path.GetDirectoryName(oldGenerator))} build: {Median(before, skip):0.0} ms wall, {Median(beforeCpu, skip):0.0} ms CPU, {Median(beforeMb, skip):0.0} MB allocated; ratio {Median(before, skip) / Median(stj, skip):0.00}x wall, {Median(beforeCpu, skip) / Median(stjCpu, skip):0.00}x CPU"));
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

    private static void Measure(Func<Microsoft.CodeAnalysis.GeneratorDriver> run, List<double> wall, List<double> cpu, List<double> megabytes)
    {
        // A full collection first, so neither generator pays for the other's garbage.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var started = Stopwatch.GetTimestamp();
        _ = run();
        wall.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        megabytes.Add((GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / (1024.0 * 1024.0));
        process.Refresh();
        cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
    }

    private static Microsoft.CodeAnalysis.IIncrementalGenerator LoadGenerator(string path)
    {
        // Its own load context, because this process already loaded the current Do.Sdk.Generators; Roslyn itself still
        // comes from the default context, so the interfaces are the same types.
        var assembly = new System.Runtime.Loader.AssemblyLoadContext("previous-generator").LoadFromAssemblyPath(Path.GetFullPath(path));
        var type = assembly.GetType("Do.Sdk.Generators.NounGenerator", throwOnError: true)!;
        return (Microsoft.CodeAnalysis.IIncrementalGenerator)Activator.CreateInstance(type)!;
    }

    private static double Median(List<double> values, int skip)
    {
        var sorted = values.Skip(skip).Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
