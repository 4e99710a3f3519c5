using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Do.Orleans.Benchmarks;

/// <summary>One in-process job (no child build, which would not fit the 2-core VM's time), a few iterations: for ratios, not fine figures.</summary>
public sealed class QuickInProcess : ManualConfig
{
    public QuickInProcess()
    {
        AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(15).WithId("QuickInProcess"));
    }
}
