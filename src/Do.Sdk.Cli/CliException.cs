namespace Do.Cli;

/// <summary>A problem with what the user asked for, reported as one line on standard error with a non-zero exit code.</summary>
public sealed class CliException : Exception
{
    /// <summary>Creates the exception with the message the user sees.</summary>
    public CliException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the message the user sees and the error behind it.</summary>
    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message; prefer a message that names the bad value.</summary>
    public CliException()
        : base("The command failed.")
    {
    }
}
