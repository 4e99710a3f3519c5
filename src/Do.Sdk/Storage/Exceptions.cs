namespace Do;

/// <summary>A thing that an operation needs does not exist (or is deleted) at the requested ref.</summary>
public sealed class ThingNotFoundException : Exception
{
    /// <summary>Creates the exception for <paramref name="noun"/> <paramref name="reference"/>.</summary>
    public ThingNotFoundException(string noun, string reference, string reason)
        : base($"{noun} \"{reference}\" was not found: {reason}.")
    {
        Noun = noun;
        Reference = reference;
    }

    /// <summary>Rebuilds the exception a server raised, with its message, from its problem document.</summary>
    internal ThingNotFoundException(Client.RemoteProblem problem)
        : base(problem.Detail)
    {
        Noun = problem.String("noun");
        Reference = problem.String("reference");
    }

    /// <summary>The noun that was looked up.</summary>
    public string Noun { get; }

    /// <summary>The id or ref that was looked up.</summary>
    public string Reference { get; }
}

/// <summary>A create named an id that already has a live thing of that noun.</summary>
public sealed class ThingAlreadyExistsException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ThingAlreadyExistsException(string noun, string id, long version)
        : base($"{noun} \"{id}\" already exists (HEAD is v{version}); use Update to change it, or Delete it first.")
    {
        Noun = noun;
        Id = id;
        Version = version;
    }

    /// <summary>The noun of the existing thing.</summary>
    public string Noun { get; }

    /// <summary>The id that is taken.</summary>
    public string Id { get; }

    /// <summary>The existing thing's HEAD version.</summary>
    public long Version { get; }
}

/// <summary>A well-formed ref names something that does not exist: an unknown branch, or a version of another thing.</summary>
public sealed class RefNotFoundException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RefNotFoundException(string reference, string reason)
        : base($"The ref \"{reference}\" does not resolve: {reason}.")
    {
        Reference = reference;
    }

    /// <summary>Rebuilds the exception a server raised, with its message, from its problem document.</summary>
    internal RefNotFoundException(Client.RemoteProblem problem)
        : base(problem.Detail)
    {
        Reference = problem.String("reference");
    }

    /// <summary>The ref that did not resolve.</summary>
    public string Reference { get; }
}
