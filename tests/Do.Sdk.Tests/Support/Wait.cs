namespace Do.Tests.Support;

public static class Wait
{
    /// <summary>A guard, not a timing assertion: a deadlock fails the test after this long instead of hanging it.</summary>
    public static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    /// <summary>Polls until <paramref name="condition"/> holds; fails after <see cref="Guard"/>.</summary>
    public static async Task Until(Func<bool> condition, string because)
    {
        var deadline = DateTime.UtcNow + Guard;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail("Timed out waiting until " + because);
            }

            await Task.Delay(10);
        }
    }

    /// <summary>
    /// Polls until <paramref name="condition"/> completes with true; a throw counts as "not yet" (a cluster that is
    /// still noticing a dead silo answers with errors first). Fails after <see cref="Guard"/>, with the last error.
    /// </summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, string because)
    {
        var deadline = DateTime.UtcNow + Guard;
        Exception? last = null;
        while (true)
        {
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (Exception e)
            {
                last = e;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail("Timed out waiting until " + because + (last is null ? "" : "; last error: " + last));
            }

            await Task.Delay(10);
        }
    }
}
