namespace Do;

/// <summary>
/// How durable actions are retried and timed out (the Polly pipeline behind <c>Do</c>), and how failing event
/// handlers are retried before they are dead-lettered. Per-verb overrides come from <see cref="VerbAttribute"/>.
/// </summary>
public sealed class ActionOptions
{
    /// <summary>Retries after a failed attempt of a durable action. Default 3 (so 4 attempts).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first backoff delay; later ones grow exponentially. Default 200 ms.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest backoff delay. Default 30 s.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Randomise backoff delays (decorrelated jitter) so retries of many objects do not align. Default true.</summary>
    public bool UseJitter { get; set; } = true;

    /// <summary>The timeout of one attempt of an action (<c>Do</c> and <c>Try</c>). Default 30 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of a failing event handler before the event is dead-lettered for it. Default 2.</summary>
    public int HandlerRetries { get; set; } = 2;

    /// <summary>The delay between handler retries. Default 50 ms.</summary>
    public TimeSpan HandlerRetryDelay { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Decides whether a failed attempt of a durable action (or of an event handler) is worth retrying; false fails it
    /// at once. Null (the default) retries every exception. Either way, a <see cref="NonRetryableException"/> is never
    /// retried, and a cancellation never is.
    /// </summary>
    public Func<Exception, bool>? ShouldRetry { get; set; }

    /// <summary>True when a failure with <paramref name="exception"/> should be tried again.</summary>
    internal bool IsRetryable(Exception exception)
        => exception is not OperationCanceledException and not NonRetryableException and not DeadlockException and not Execution.ActionSuspendedException && (ShouldRetry?.Invoke(exception) ?? true);

    internal void Validate(List<string> errors)
    {
        if (MaxRetries < 0)
        {
            errors.Add($"Actions.MaxRetries is {MaxRetries}; expected 0 or more.");
        }

        if (BaseDelay < TimeSpan.Zero || MaxDelay < BaseDelay)
        {
            errors.Add($"Actions.BaseDelay ({BaseDelay}) and MaxDelay ({MaxDelay}) must satisfy 0 <= BaseDelay <= MaxDelay.");
        }

        if (Timeout <= TimeSpan.Zero)
        {
            errors.Add($"Actions.Timeout is {Timeout}; expected a positive duration such as 00:00:30.");
        }

        if (HandlerRetries < 0)
        {
            errors.Add($"Actions.HandlerRetries is {HandlerRetries}; expected 0 or more.");
        }

        if (HandlerRetryDelay < TimeSpan.Zero)
        {
            errors.Add($"Actions.HandlerRetryDelay is {HandlerRetryDelay}; expected 0 or more.");
        }
    }
}
