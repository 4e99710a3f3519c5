namespace Do;

/// <summary>An object was addressed as one class but was created as another.</summary>
public sealed class ObjectClassMismatchException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public ObjectClassMismatchException(string ns, string actualClass, string requestedClass)
        : base($"{ns} is a {actualClass}, not a {requestedClass}: an object keeps the class it was created with. Address it as host.Object<{Short(actualClass)}>(\"{ns}\").")
    {
        Namespace = ns;
        ActualClass = actualClass;
        RequestedClass = requestedClass;
    }

    /// <summary>The object's namespace.</summary>
    public string Namespace { get; }

    /// <summary>The class recorded in the catalog.</summary>
    public string ActualClass { get; }

    /// <summary>The class it was addressed as.</summary>
    public string RequestedClass { get; }

    private static string Short(string name) => name[(name.LastIndexOf('.') + 1)..];
}
