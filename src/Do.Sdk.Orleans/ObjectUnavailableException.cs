namespace Do.Orleans;

/// <summary>
/// With per-silo disks (<see cref="StorageTopology.PerSiloDisk"/>), the object cannot be placed: no live silo's disk
/// holds its file and a silo that may hold it is down (or did not answer), or more than one silo holds a copy (a
/// hand-over that did not finish). Calls fail rather than create a second, empty object elsewhere; they succeed again
/// once the silo is back (or the stale copy is removed).
/// </summary>
public sealed class ObjectUnavailableException : Exception
{
    /// <summary>Creates the exception for <paramref name="ns"/> with the reason.</summary>
    public ObjectUnavailableException(string ns, string reason)
        : base($"{ns} is unavailable: {reason}")
    {
        Namespace = ns;
    }

    /// <summary>Creates the exception with a message.</summary>
    public ObjectUnavailableException(string message)
        : base(message)
    {
        Namespace = "";
    }

    /// <summary>Creates the exception with a message and the error that caused it.</summary>
    public ObjectUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
        Namespace = "";
    }

    /// <summary>Creates the exception.</summary>
    public ObjectUnavailableException()
        : this("The object is unavailable: the silo holding its file is down.")
    {
    }

    /// <summary>The object's namespace.</summary>
    public string Namespace { get; }
}
