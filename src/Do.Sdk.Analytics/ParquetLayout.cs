using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Do.Analytics;

/// <summary>
/// Where the Parquet sink puts files: <c>date=YYYY-MM-DD/type=Noun.event/</c> partitions; a batch file named from its
/// object's key and the batch's first and last sequence, so a restart finds what a crash left staged.
/// </summary>
internal static class ParquetLayout
{
    public const string Extension = ".parquet";
    public const string Staged = ".parquet.tmp";
    public const string CompactedPrefix = "compacted-";
    public const string ManifestExtension = ".manifest";

    /// <summary>The partition folder of an event, relative to the root. Type names are made path-safe; the column keeps the exact name.</summary>
    public static string Partition(DateTimeOffset at, string type)
        => Path.Combine("date=" + at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "type=" + SafeName(type));

    /// <summary>A short stable key of an object URL; URLs never become paths.</summary>
    public static string ObjectKey(string source)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source)))[..16];

    public static string BatchFile(string objectKey, long first, long last)
        => string.Create(CultureInfo.InvariantCulture, $"{objectKey}-{first:D19}-{last:D19}{Extension}");

    /// <summary>Parses a batch file's name (staged or published); false for compacted files and strangers.</summary>
    public static bool TryParseBatch(string path, out string objectKey, out long first, out long last)
    {
        var name = Path.GetFileName(path);
        var end = name.EndsWith(Staged, StringComparison.Ordinal) ? name.Length - Staged.Length
            : name.EndsWith(Extension, StringComparison.Ordinal) ? name.Length - Extension.Length : -1;
        objectKey = "";
        first = last = 0;
        var parts = end < 0 ? [] : name[..end].Split('-');
        if (parts.Length != 3 || parts[0].Length != 16
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out first)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out last))
        {
            return false;
        }

        objectKey = parts[0];
        return true;
    }

    private static string SafeName(string type)
    {
        var builder = new StringBuilder(type.Length);
        foreach (var c in type)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '_');
        }

        // "." and ".." must never name a folder.
        return builder.Length == 0 || builder[0] == '.' ? "_" + builder : builder.ToString();
    }
}
