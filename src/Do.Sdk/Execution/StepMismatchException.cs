namespace Do;

/// <summary>
/// A replayed durable action called its steps in another order than the run that journaled them: its code is not
/// deterministic outside its steps (see DO0006/DO0007). Not retried: a retry would replay the same journal.
/// </summary>
public sealed class StepMismatchException : NonRetryableException
{
    /// <summary>Creates the exception for step <paramref name="seq"/> of action <paramref name="actionId"/>.</summary>
    public StepMismatchException(long actionId, int seq, string journaled, string called)
        : base($"Step {seq} of action {actionId} was journaled as \"{journaled}\", but this run called \"{called}\" there. A durable action must call its steps (ctx.Step, Sleep, WaitFor, Ai...) in the same order on every run: move time, random values, ids and outside reads into ctx.Step.")
    {
        ActionId = actionId;
        Seq = seq;
    }

    /// <summary>The action whose replay diverged.</summary>
    public long ActionId { get; }

    /// <summary>The step's position (1 for the first step).</summary>
    public int Seq { get; }
}
