namespace Do.Benchmarks.Support;

/// <summary>
/// Verb bodies the benchmarks invoke on the hand-written test nouns (tests/Do.Sdk.Tests/Support/TestNouns.cs and
/// TestJobs.cs, linked into this project): static, so no closure is allocated per call.
/// </summary>
public static class BenchVerbs
{
    /// <summary><c>Prioritize(1)</c>: a pure state transition.</summary>
    public static readonly Func<Startup, Context, ValueTask> Prioritize1 = static (s, _) =>
    {
        s.Prioritize(1);
        return ValueTask.CompletedTask;
    };

    /// <summary>An effect that completes at once, so the benchmark measures the durable machinery, not the effect.</summary>
    public static readonly Func<Job, Context, ValueTask> RunOnce = static (j, _) =>
    {
        j.Runs++;
        return ValueTask.CompletedTask;
    };
}
