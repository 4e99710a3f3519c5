namespace Do.Hosting;

/// <summary>
/// Tells tools that a host has a data folder open. Every running host holds a shared lock on <c>{DataPath}/host.lock</c>
/// (several hosts, e.g. silos sharing a data root, may hold it together); a tool that writes the files directly (the
/// <c>do</c> command line's <c>compact</c>) takes it exclusively and refuses to run while any host holds it. The lock is
/// the operating system's (flock on Linux and macOS, share modes on Windows), so a killed host never leaves it behind.
/// </summary>
internal static class HostLock
{
    /// <summary>The lock file's name inside the data folder.</summary>
    public const string FileName = "host.lock";

    /// <summary>Takes the shared lock a running host holds.</summary>
    /// <exception cref="InvalidOperationException">A tool holds the folder exclusively right now.</exception>
    public static FileStream HoldShared(string dataPath)
    {
        var path = Path.Combine(dataPath, FileName);
        try
        {
            // Read access with sharing is a shared lock; only an exclusive taker (FileShare.None) conflicts with it.
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.None);
        }
        catch (IOException e)
        {
            throw new InvalidOperationException($"The data folder {dataPath} is locked by a tool writing to it (e.g. `do compact`); start the host when that has finished.", e);
        }
    }

    /// <summary>Takes the lock exclusively, or returns null when a host holds it.</summary>
    public static FileStream? TryHoldExclusive(string dataPath)
    {
        try
        {
            return new FileStream(Path.Combine(dataPath, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
