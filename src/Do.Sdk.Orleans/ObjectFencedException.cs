namespace Do.Orleans;

/// <summary>
/// Another activation holds the object's file: on a shared data root, only the activation holding an object's fence may
/// open its database, so two activations can never both write it. Raised when the fence was not released in time
/// (the other silo is still closing the object, or it is alive but cut off from the cluster).
/// </summary>
public sealed class ObjectFencedException : Exception
{
    /// <summary>Creates the exception for <paramref name="ns"/> whose fence file <paramref name="fencePath"/> stayed locked for <paramref name="waited"/>.</summary>
    public ObjectFencedException(string ns, string fencePath, TimeSpan waited)
        : base($"{ns} is held by another activation: its fence {fencePath} stayed locked for {waited.TotalSeconds:0.#} s. Only one activation may open an object's file; retry once the other silo has closed it (or is dead), or raise DurableObjectsOptions.FenceTimeout.")
    {
        Namespace = ns;
    }

    /// <summary>Creates the exception with a message.</summary>
    public ObjectFencedException(string message)
        : base(message)
    {
        Namespace = "";
    }

    /// <summary>Creates the exception with a message and the error that caused it.</summary>
    public ObjectFencedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Namespace = "";
    }

    /// <summary>Creates the exception.</summary>
    public ObjectFencedException()
        : this("The object is held by another activation.")
    {
    }

    /// <summary>The object's namespace.</summary>
    public string Namespace { get; }
}
