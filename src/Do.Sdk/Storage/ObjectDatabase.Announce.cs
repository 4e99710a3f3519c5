namespace Do.Storage;

internal sealed partial class ObjectDatabase
{
    /// <summary>
    /// The highest event sequence appended through this connection (0 before any). A rolled-back append leaves it
    /// ahead of the table, which only costs an extension a look that finds nothing.
    /// </summary>
    internal long LastEventSequence { get; set; }

    /// <summary>The highest event sequence in the file, 0 for an empty outbox.</summary>
    internal long MaxEventSequence()
        => Events.LastSequence();
}
