using System.Text;
using System.Text.Json;

namespace Do.Search;

/// <summary>What gets indexed for a thing, and how user text becomes an FTS5 match expression.</summary>
internal static class SearchText
{
    /// <summary>
    /// The values of the top-level string members <paramref name="properties"/> of <paramref name="json"/>, one per line,
    /// in declaration order; empty when none has text.
    /// </summary>
    public static string Extract(string json, IReadOnlyList<string> properties)
    {
        var values = new string?[properties.Count];
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return "";
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var slot = -1;
            for (int i = 0; i < properties.Count; i++)
            {
                if (reader.ValueTextEquals(properties[i]))
                {
                    slot = i;
                    break;
                }
            }

            reader.Read();
            if (slot >= 0 && reader.TokenType == JsonTokenType.String)
            {
                values[slot] = reader.GetString();
            }
            else
            {
                reader.Skip();
            }
        }

        var builder = new StringBuilder();
        foreach (var value in values)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                if (builder.Length > 0)
                {
                    builder.Append('\n');
                }

                builder.Append(value);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Turns user text into an FTS5 expression: each word is quoted (so nothing in it is FTS5 syntax); a trailing
    /// <c>*</c> makes it a prefix. Words are joined by AND (every word must match) or, for the full-text half of a
    /// hybrid query, by OR.
    /// </summary>
    /// <exception cref="ArgumentException">The text has no word.</exception>
    public static string ToMatch(string query, bool any)
    {
        ArgumentNullException.ThrowIfNull(query);
        var builder = new StringBuilder();
        foreach (var raw in query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var prefix = raw.EndsWith('*');
            var word = raw.Replace("\"", "", StringComparison.Ordinal).TrimEnd('*');
            if (word.Length == 0)
            {
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append(any ? " OR " : " ");
            }

            builder.Append('"').Append(word).Append('"');
            if (prefix)
            {
                builder.Append('*');
            }
        }

        return builder.Length > 0
            ? builder.ToString()
            : throw new ArgumentException($"Search text \"{query}\" has no word to search for. Expected one or more words, each optionally ending in * for a prefix, e.g. \"alic*\" or \"red shoes\".", nameof(query));
    }
}
