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
}
