namespace Do.Tests.Support;

/// <summary>Holds an object's turn from a test, so that the calls made meanwhile queue up behind it.</summary>
public static class Turns
{
    /// <summary>
    /// Takes the object's turn (running <paramref name="whileHeld"/> in it), returns once it is held, and keeps it until
    /// the returned function is called: calls made in between queue up and run as one group.
    /// </summary>
    public static async Task<Func<Task>> HoldAsync(ObjectClient obj, Action? whileHeld = null)
    {
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource();
        var busy = obj.Run(async _ =>
        {
            whileHeld?.Invoke();
            held.SetResult();
            await release.Task;
            return true;
        });
        await held.Task.WaitAsync(Wait.Guard);
        return async () =>
        {
            release.SetResult();
            await busy;
        };
    }
}
