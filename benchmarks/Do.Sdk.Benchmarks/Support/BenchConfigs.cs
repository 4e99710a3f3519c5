using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Csv;
using Perfolizer.Horology;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using BenchmarkDotNet.Validators;

namespace Do.Benchmarks.Support;

public static class BenchConfigs
{
    /// <summary>
    /// Quick mode: in process (no per-benchmark build or child process, which costs a minute per class on 2 cores),
    /// 1 pilot-sized warmup and 5 iterations of about 250 ms. Trade-off: no process isolation (JIT tiering, GC
    /// state and the thread pool carry over between cases), and few iterations on a noisy VM, so errors of 10-30% are
    /// normal. Good for ratios and regressions of 2× or more; use the full run for anything finer.
    /// </summary>
    public static IConfig Quick(string artifacts)
        => Common(artifacts, BenchmarkDotNet.Jobs.Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(2)
            .WithIterationCount(5)
            .WithIterationTime(TimeInterval.FromMilliseconds(250))
            .WithUnrollFactor(1)
            .WithEvaluateOverhead(false)
            .WithId("Quick"))
            .AddLogger(new ProgressLogger());

    /// <summary>Full runs: BenchmarkDotNet's default out-of-process job, capped so fsync-bound cases stop in reasonable time.</summary>
    public static IConfig Full(string artifacts)
        => Common(artifacts, BenchmarkDotNet.Jobs.Job.Default
            .WithUnrollFactor(1)
            .WithMaxIterationCount(30)
            .WithId("Full"))
            .AddLogger(ConsoleLogger.Default);

    /// <summary>
    /// Short runs: BenchmarkDotNet's short job (1 launch, 3 warm-ups, 3 iterations, out of process) with the full job's
    /// unroll factor. For iterating on a change; the error columns are wide, so report full runs.
    /// </summary>
    public static IConfig Short(string artifacts)
        => Common(artifacts, BenchmarkDotNet.Jobs.Job.ShortRun
            .WithUnrollFactor(1)
            .WithId("Short"))
            .AddLogger(ConsoleLogger.Default);

    private static ManualConfig Common(string artifacts, BenchmarkDotNet.Jobs.Job job)
        => ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddColumn(StatisticColumn.OperationsPerSecond)
            .AddExporter(MarkdownExporter.GitHub, CsvExporter.Default)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddValidator(JitOptimizationsValidator.FailOnError, BaselineValidator.FailOnError)
            .WithArtifactsPath(artifacts);
}
