using System.Security.Cryptography;
using System.Text;

namespace Do.Hosting;

/// <summary>
/// Where an object's database lives: a file named from the SHA-256 of its canonical namespace, sharded into two
/// levels of sub-folders (<c>objects/ab/cd/abcd….db</c>). A URL never becomes a path, so no namespace can name a
/// file outside the data folder.
/// </summary>
internal static class ObjectPaths
{
    public static string RelativeFile(ObjectNamespace ns)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ns.Value)));
        return Path.Combine("objects", hash[..2], hash[2..4], hash + ".db");
    }

    /// <summary>Resolves a catalog path under <paramref name="root"/>, refusing anything that would leave it.</summary>
    public static string Resolve(string root, string relative)
    {
        var full = Path.GetFullPath(Path.Combine(root, relative));
        var rootWithSeparator = Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar;
        return full.StartsWith(rootWithSeparator, StringComparison.Ordinal)
            ? full
            : throw new StorageException($"The catalog points at {full}, outside the data folder {root}; refusing to open it.");
    }
}
