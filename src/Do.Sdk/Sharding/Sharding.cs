using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Do;

/// <summary>
/// The three ways to spread and place objects (do.md's colo.do patterns) as namespace rules: hash shards
/// (<c>{base}/shard-{n}</c>), hierarchical ids (<c>{base}/{a}/{b}</c>) and colo-suffixed ids (<c>{base}/{entity}-{colo}</c>).
/// Pure functions: every process computes the same namespace for the same input.
/// </summary>
public static class Sharding
{
    /// <summary>The most shards a set may have.</summary>
    public const int MaxShards = 65_536;

    /// <summary>
    /// The shard of <paramref name="key"/> among <paramref name="count"/>: the first 8 bytes of the SHA-256 of its UTF-8
    /// bytes, modulo the count. Stable across processes, machines and .NET versions (unlike <c>string.GetHashCode</c>).
    /// </summary>
    /// <exception cref="ArgumentException">The key is null or empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The count is not between 1 and <see cref="MaxShards"/>.</exception>
    public static int Index(string key, int count)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        CheckCount(count);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        return (int)(BinaryPrimitives.ReadUInt64BigEndian(hash) % (ulong)count);
    }

    /// <summary>The namespace of shard <paramref name="index"/> under <paramref name="baseNamespace"/>: <c>{base}/shard-{index}</c>.</summary>
    public static ObjectNamespace ShardNamespace(ObjectNamespace baseNamespace, int index)
    {
        ArgumentNullException.ThrowIfNull(baseNamespace);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return ObjectNamespace.Parse(baseNamespace.Value + "/shard-" + index.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>A hierarchical namespace: <c>Hierarchical(https://acme.example, "eu", "team-7")</c> is <c>https://acme.example/eu/team-7</c>.</summary>
    /// <exception cref="ArgumentException">A segment is not a valid id segment (letters, digits, '.', '_', '~', '-', ':', '+').</exception>
    public static ObjectNamespace Hierarchical(ObjectNamespace baseNamespace, params ReadOnlySpan<string> segments)
    {
        ArgumentNullException.ThrowIfNull(baseNamespace);
        var builder = new StringBuilder(baseNamespace.Value);
        foreach (var segment in segments)
        {
            CheckSegment(segment, nameof(segments));
            builder.Append('/').Append(segment);
        }

        return ObjectNamespace.Parse(builder.ToString());
    }

    /// <summary>
    /// A colo-suffixed namespace, one object per entity per location: <c>Colocated(https://chat.example, "room-1", "LHR")</c>
    /// is <c>https://chat.example/room-1-lhr</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The entity id or the colo is not a valid id segment; the colo must be letters and digits.</exception>
    public static ObjectNamespace Colocated(ObjectNamespace baseNamespace, string entityId, string colo)
    {
        ArgumentNullException.ThrowIfNull(baseNamespace);
        CheckSegment(entityId, nameof(entityId));
        ArgumentNullException.ThrowIfNull(colo);
        if (colo.Length is 0 or > 16 || !colo.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException($"\"{colo}\" is not a colo. Expected 1 to 16 ASCII letters or digits, e.g. ORD, LHR or weur.", nameof(colo));
        }

        return ObjectNamespace.Parse(baseNamespace.Value + "/" + entityId + "-" + colo.ToLowerInvariant());
    }

    internal static void CheckCount(int count)
    {
        if (count is < 1 or > MaxShards)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"A shard count of {count} is out of range. Expected 1 to {MaxShards}.");
        }
    }

    private static void CheckSegment(string segment, string parameter)
    {
        var reason = ThingId.CheckLocalId(segment, "the segment");
        if (reason is not null)
        {
            throw new ArgumentException($"\"{segment}\" is not a namespace segment: {reason}. Expected letters, digits, '.', '_', '~', '-', ':' or '+', e.g. eu or team-7.", parameter);
        }
    }
}
