namespace Do;

/// <summary>
/// Calls crossed: two or more call chains each held an object's turn while waiting for a turn another of them held
/// (A → B while B → A, from independent callers), so none could ever finish. The host detects the cycle when the
/// last of those waits begins and fails that call at once; the other calls then proceed. Nothing the failed call had
/// not yet committed was written.
/// </summary>
/// <remarks>
/// A chain that comes back to an object already in it (A → B → A) re-enters and never deadlocks; this exception is
/// about independent chains. Inside a durable action it is not retried (the turn is still held, so a retry would meet
/// the same cycle): the action fails with an <see cref="ActionFailedException"/> whose inner exception is this one.
/// </remarks>
public sealed class DeadlockException : Exception
{
    /// <summary>Creates the exception for a cycle of objects in wait order.</summary>
    public DeadlockException(IReadOnlyList<string> objects)
        : base(Describe(objects))
    {
        Objects = objects;
    }

    /// <summary>
    /// The objects in the cycle, in wait order: the first is held by the failed call, which waited for the second,
    /// whose turn's holder waited for the next, and so on back to the first.
    /// </summary>
    public IReadOnlyList<string> Objects { get; }

    private static string Describe(IReadOnlyList<string> objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var cycle = string.Join(" → ", objects.Append(objects.Count > 0 ? objects[0] : "?"));
        return $"Deadlock between call chains: {cycle}. A call holding the turn of {(objects.Count > 0 ? objects[0] : "?")} waited for the turn of "
            + $"{(objects.Count > 1 ? objects[1] : "?")}, whose holder was (transitively) waiting for it. This call was failed to break the cycle; the others continue. "
            + "Avoid calls that cross between objects from independent callers, or make one side fire-and-forget (ctx.Send).";
    }
}
