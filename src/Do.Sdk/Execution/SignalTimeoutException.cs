namespace Do;

/// <summary>
/// <c>ctx.WaitFor</c> reached its timeout before the signal arrived. The timeout is journaled, so a retry or a replay
/// sees it again: it is not retried. Catch it in the action to take another path.
/// </summary>
public sealed class SignalTimeoutException : NonRetryableException
{
    /// <summary>Creates the exception for <paramref name="signal"/> awaited by action <paramref name="actionId"/>.</summary>
    public SignalTimeoutException(string signal, long actionId, TimeSpan timeout)
        : base($"The signal \"{signal}\" did not reach action {actionId} within {timeout}. Send it with ObjectClient.Signal({actionId}, \"{signal}\", value) before the timeout, or pass a longer one (Timeout.InfiniteTimeSpan waits without limit).")
    {
        Signal = signal;
        ActionId = actionId;
    }

    /// <summary>The awaited signal's name.</summary>
    public string Signal { get; }

    /// <summary>The waiting action's id.</summary>
    public long ActionId { get; }
}
