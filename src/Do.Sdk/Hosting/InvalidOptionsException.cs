namespace Do;

/// <summary>Host options are invalid; <see cref="Errors"/> lists every problem found.</summary>
public sealed class InvalidOptionsException : ArgumentException
{
    /// <summary>Creates the exception from a list of problems.</summary>
    public InvalidOptionsException(IReadOnlyList<string> errors)
        : base("Invalid DoHostOptions:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  - " + e)))
    {
        Errors = errors;
    }

    /// <summary>Every problem found, one sentence each.</summary>
    public IReadOnlyList<string> Errors { get; }
}
