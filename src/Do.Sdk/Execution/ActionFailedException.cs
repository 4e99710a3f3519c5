namespace Do;

/// <summary>
/// A durable or attempted action failed for good: every attempt failed (or timed out). Nothing of its state change
/// was written; its action row says <c>failed</c> with the last error, and a <c>Noun.failed</c> event was committed.
/// </summary>
public sealed class ActionFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ActionFailedException(long actionId, string verb, string target, int attempts, Exception innerException)
        : base($"{verb} on \"{target}\" failed after {attempts} attempt(s) (action {actionId}): {innerException?.Message}", innerException)
    {
        ActionId = actionId;
        Verb = verb;
        Target = target;
        Attempts = attempts;
    }

    /// <summary>Rebuilds the exception a server raised, with its message, from its problem document.</summary>
    internal ActionFailedException(Client.RemoteProblem problem, Exception innerException)
        : base(problem.Detail, innerException)
    {
        ActionId = problem.Int64("actionId");
        Verb = problem.String("verb");
        Target = problem.String("target");
        Attempts = (int)problem.Int64("attempts");
    }

    /// <summary>The failed action's id.</summary>
    public long ActionId { get; }

    /// <summary>The verb that failed.</summary>
    public string Verb { get; }

    /// <summary>The local id of the thing it targeted.</summary>
    public string Target { get; }

    /// <summary>How many attempts ran.</summary>
    public int Attempts { get; }
}
