namespace Do.Client;

/// <summary>
/// A call through <see cref="DoClient"/> failed with an error that has no counterpart in this process (an unexpected
/// server failure, or an exception type this client does not know). Known errors are rethrown as their own types.
/// </summary>
public sealed class DoRemoteException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DoRemoteException(int statusCode, string? remoteType, string message)
        : base(message)
    {
        StatusCode = statusCode;
        RemoteType = remoteType;
    }

    /// <summary>The HTTP status code of the response.</summary>
    public int StatusCode { get; }

    /// <summary>The short name of the server's exception type, when it named one.</summary>
    public string? RemoteType { get; }
}
