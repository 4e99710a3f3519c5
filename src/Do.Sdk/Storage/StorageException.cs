namespace Do;

/// <summary>A database file cannot be used as asked: it belongs to another object, or its schema is newer than this SDK.</summary>
public sealed class StorageException : Exception
{
    /// <summary>Creates the exception with a message that says what is wrong and what to do.</summary>
    public StorageException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the underlying error.</summary>
    public StorageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
