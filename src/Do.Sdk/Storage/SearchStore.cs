using System.Text;

namespace Do.Storage;

/// <summary>Full-text search (SQLite FTS5) over text a thing chooses to index.</summary>
internal sealed class SearchStore
{
    private readonly ObjectDatabase _db;

    internal SearchStore(ObjectDatabase db) => _db = db;

    /// <summary>Indexes (or re-indexes) <paramref name="content"/> for a thing, replacing what it had.</summary>
    public void Index(string noun, string thingId, string content)
    {
        NounNames.Validate(noun);
        ThingStore.ValidateId(thingId);
        ArgumentNullException.ThrowIfNull(content);
        _db.InTransaction(() =>
        {
            _db.Command("DELETE FROM search WHERE thing_id = $id AND noun = $noun").Bind("$id", thingId).Bind("$noun", noun).ExecuteNonQuery();
            _db.Command("INSERT INTO search (thing_id, noun, content) VALUES ($id, $noun, $content)")
                .Bind("$id", thingId).Bind("$noun", noun).Bind("$content", content).ExecuteNonQuery();
        });
    }

    /// <summary>Removes a thing from the index; returns false when it was not indexed.</summary>
    public bool Remove(string noun, string thingId)
        => _db.InTransaction(() => _db.Command("DELETE FROM search WHERE thing_id = $id AND noun = $noun").Bind("$id", thingId).Bind("$noun", noun).ExecuteNonQuery() > 0);

    /// <summary>
    /// Finds things whose indexed text contains every word of <paramref name="text"/> (words are matched as
    /// prefixes, case-insensitively; FTS5 operators in the text are treated as plain words).
    /// </summary>
    public IReadOnlyList<SearchHit> Query(string text, int limit = 20)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var match = ToMatchExpression(text);
        if (match.Length == 0)
        {
            return [];
        }

        var command = _db.Command("""
            SELECT thing_id, noun, snippet(search, 2, '[', ']', '…', 12), bm25(search)
            FROM search WHERE search MATCH $match ORDER BY bm25(search) LIMIT $limit
            """);
        command.Bind("$match", match).Bind("$limit", limit);
        var hits = new List<SearchHit>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            hits.Add(new SearchHit(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetDouble(3)));
        }

        return hits;
    }

    /// <summary>Quotes each word so user text can never be parsed as FTS5 syntax.</summary>
    internal static string ToMatchExpression(string text)
    {
        var builder = new StringBuilder();
        foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var clean = word.Replace("\"", "", StringComparison.Ordinal);
            if (clean.Length == 0)
            {
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append('"').Append(clean).Append("\"*");
        }

        return builder.ToString();
    }
}
