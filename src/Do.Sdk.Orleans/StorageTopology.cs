namespace Do.Orleans;

/// <summary>Where the silos keep the objects' files (see docs/orleans.md, "Storage topologies").</summary>
public enum StorageTopology
{
    /// <summary>
    /// Every silo points <see cref="DoHostOptions.DataPath"/> at one shared folder (a shared volume): any silo can open
    /// any object, an exclusive file lock fences each object to one activation, and placement is Orleans' random one.
    /// </summary>
    SharedDataRoot = 0,

    /// <summary>
    /// Each silo has its own <see cref="DoHostOptions.DataPath"/> on its own disk: an object's grain is placed on the
    /// silo whose disk holds its file, a new object on a silo chosen by hashing its namespace, and
    /// <c>MoveTo(silo)</c> carries the file to the target silo's disk. While the silo holding a file is down, calls to
    /// that object fail with <see cref="ObjectUnavailableException"/>; no other silo creates an empty copy.
    /// </summary>
    PerSiloDisk = 1,
}
