namespace Do;

/// <summary>
/// A call waited longer than <see cref="DoHostOptions.CallTimeout"/> for an object's turn (another call held it all
/// that time) and gave up without running. Nothing was written for it.
/// </summary>
public sealed class CallTimeoutException : TimeoutException
{
    /// <summary>Creates the exception for a call to <paramref name="ns"/> that waited <paramref name="timeout"/>.</summary>
    public CallTimeoutException(string ns, TimeSpan timeout)
        : base($"The call to {ns} waited {timeout} for the object's turn (DoHostOptions.CallTimeout) and was not run: another call held the turn all that time. "
            + "Raise DoHostOptions.CallTimeout, or set it to Timeout.InfiniteTimeSpan to wait without limit.")
    {
        Namespace = ns;
        Timeout = timeout;
    }

    /// <summary>The object whose turn the call waited for.</summary>
    public string Namespace { get; }

    /// <summary>How long it waited (the configured <see cref="DoHostOptions.CallTimeout"/>).</summary>
    public TimeSpan Timeout { get; }
}
