namespace Do;

/// <summary>
/// How hard SQLite works to make a commit durable (<c>PRAGMA synchronous</c>). All modes run in WAL.
/// </summary>
public enum SynchronousMode
{
    /// <summary>No fsync at all: fastest; a crash of the operating system or a power loss may lose or corrupt recent commits.</summary>
    Off = 0,

    /// <summary>WAL with fsync at checkpoints: a process crash loses nothing; a power loss may lose the last commits. The default.</summary>
    Normal = 1,

    /// <summary>An fsync per commit: an acknowledged commit survives a power loss.</summary>
    Full = 2,

    /// <summary>Like <see cref="Full"/>, also syncing the directory after a WAL reset.</summary>
    Extra = 3,
}
