namespace Do;

/// <summary>An object was addressed by URL alone, but the host has never created it.</summary>
public sealed class ObjectNotFoundException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public ObjectNotFoundException(string ns)
        : base($"There is no object {ns} in this host's catalog. Create it first with host.Object<TClass>(\"{ns}\"), which fixes its class.")
    {
        Namespace = ns;
    }

    /// <summary>The namespace that was not found.</summary>
    public string Namespace { get; }
}
