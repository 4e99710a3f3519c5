using System.Diagnostics;

namespace Do.Benchmarks.Support;

/// <summary>
/// Every benchmark loop is bounded by a count and a deadline: on 2 cores an unbounded load loop can starve a
/// runtime's own timers (Orleans' in particular), and a stuck run must fail rather than hang the suite.
/// </summary>
public static class Bounded
{
    /// <summary>The longest one benchmark invocation may take before it is declared stuck.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    /// <summary>Runs <paramref name="body"/> <paramref name="count"/> times in sequence.</summary>
    public static async Task Loop(int count, Func<int, Task> body)
    {
        var started = Stopwatch.GetTimestamp();
        for (int i = 0; i < count; i++)
        {
            await body(i).ConfigureAwait(false);
            Check(started, i, count);
        }
    }

    /// <summary>Runs <paramref name="count"/> calls spread over <paramref name="callers"/> concurrent callers.</summary>
    public static Task Concurrent(int callers, int count, Func<int, int, Task> body)
    {
        var started = Stopwatch.GetTimestamp();
        var tasks = new Task[callers];
        for (int c = 0; c < callers; c++)
        {
            int caller = c;
            tasks[c] = Task.Run(async () =>
            {
                for (int i = caller; i < count; i += callers)
                {
                    await body(caller, i).ConfigureAwait(false);
                    Check(started, i, count);
                }
            });
        }

        return Task.WhenAll(tasks);
    }

    /// <summary>Throws when the deadline has passed; called once per iteration of a bounded loop.</summary>
    public static void Check(long started, int done, int count)
    {
        if (Stopwatch.GetElapsedTime(started) > Deadline)
        {
            throw new TimeoutException($"A benchmark loop passed its {Deadline.TotalSeconds:0} s deadline after {done} of {count} operations.");
        }
    }
}
