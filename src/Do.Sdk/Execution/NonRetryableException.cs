namespace Do;

/// <summary>
/// An error that retrying cannot fix, such as a broken business rule (<c>card declined</c>, <c>amount must be
/// positive</c>). Thrown from a durable action (an async verb, <c>ctx.Do</c>), it fails the action at once, after one
/// attempt, with its message recorded; a failing event handler that throws it is dead-lettered without retries.
/// Derive your own exceptions from it, or decide per exception with <see cref="ActionOptions.ShouldRetry"/>.
/// </summary>
public class NonRetryableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NonRetryableException()
    {
    }

    /// <summary>Creates the exception with a message saying what rule was broken.</summary>
    public NonRetryableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the error that caused it.</summary>
    public NonRetryableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
