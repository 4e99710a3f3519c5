namespace Do.Hosting;

/// <summary>
/// How often a caller answered on its own thread gives the thread back. A caller whose call finds no drain running runs
/// the group itself (<see cref="ObjectActivation.DrainHereAsync"/>) and is answered without a thread hop. Answered that
/// way every time, a caller calling in a loop would never give its pool thread back, and the objects whose callers wait
/// for a thread would starve (issue 19); yielding after every call cost each call a hop through the pool's queue. So a
/// thread yields once every <see cref="PerYield"/> inline answers: a bounded turn, like a drain's
/// <see cref="DoHostOptions.MaxGroupSize"/>, counted in calls rather than time so it does not depend on the host's clock.
/// </summary>
internal static class InlineAnswers
{
    /// <summary>Inline answers a thread gives before it yields (about 2–5 ms of sync verbs on this hardware).</summary>
    internal const int PerYield = 16;

    [ThreadStatic]
    private static int t_count;

    /// <summary>Counts an inline answer on this thread; true when the caller must now yield its thread.</summary>
    public static bool MustYield()
    {
        if (++t_count < PerYield)
        {
            return false;
        }

        t_count = 0;
        return true;
    }
}
