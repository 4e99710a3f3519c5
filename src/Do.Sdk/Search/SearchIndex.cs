using Do.Storage;

namespace Do.Search;

/// <summary>
/// The typed search index of one object's database: the text of each <see cref="SearchableAttribute"/> noun's things at
/// HEAD of the checked-out branch, in the FTS5 table <c>search</c> (one row per thing, mapped by <c>search_docs</c>).
/// Written inside the transaction of every version appended (<see cref="ThingStore"/>), so a rolled-back write leaves
/// the index as it was; reconciled with the new HEAD when a checkout or compaction changes what HEAD is.
/// </summary>
internal sealed partial class SearchIndex(ObjectDatabase db)
{
    private readonly Dictionary<string, IReadOnlyList<string>> _searchable = new(StringComparer.Ordinal);

    /// <summary>Records which properties of <paramref name="noun"/> are searchable.</summary>
    public void Register(NounInfo noun) => _searchable[noun.Name] = noun.SearchableProperties;

    /// <summary>The searchable JSON names of <paramref name="noun"/>; empty when it has none (or is unknown here).</summary>
    public IReadOnlyList<string> SearchableOf(string noun)
    {
        if (_searchable.TryGetValue(noun, out var known))
        {
            return known;
        }

        // A noun written before any typed call registered it (a merge, a fork): the process registry knows it.
        var properties = DoRegistry.FindNoun(noun)?.SearchableProperties ?? [];
        _searchable[noun] = properties;
        return properties;
    }

    /// <summary>Brings the entry of one thing in line with a version just appended (null <paramref name="json"/>: a delete).</summary>
    public void OnWrite(string noun, string id, string? json)
    {
        var properties = SearchableOf(noun);
        if (properties.Count == 0)
        {
            return;
        }

        Put(noun, id, json is null ? "" : SearchText.Extract(json, properties));
    }

    /// <summary>
    /// Re-indexes every searchable noun from HEAD of what is checked out now; entries whose text did not change keep
    /// their row and their embedding.
    /// </summary>
    public void Reconcile()
    {
        var seen = new HashSet<(string, string)>();
        var nouns = db.Command("SELECT id, name FROM nouns").ExecuteReader();
        var searchable = new List<(long Id, string Name, IReadOnlyList<string> Properties)>();
        using (nouns)
        {
            while (nouns.Read())
            {
                var name = nouns.GetString(1);
                if (!name.StartsWith('_') && SearchableOf(name) is { Count: > 0 } properties)
                {
                    searchable.Add((nouns.GetInt64(0), name, properties));
                }
            }
        }

        db.InTransaction(() =>
        {
            foreach (var (_, name, properties) in searchable)
            {
                foreach (var row in db.Things.List(name))
                {
                    seen.Add((name, row.Id));
                    Put(name, row.Id, SearchText.Extract(row.Data!, properties));
                }
            }

            var stale = new List<(string Noun, string Id)>();
            using (var reader = db.Command("SELECT noun, thing_id FROM search_docs").ExecuteReader())
            {
                while (reader.Read())
                {
                    var key = (reader.GetString(0), reader.GetString(1));
                    if (!seen.Contains(key))
                    {
                        stale.Add(key);
                    }
                }
            }

            foreach (var (noun, id) in stale)
            {
                Put(noun, id, "");
            }
        });
    }

    private void Put(string noun, string id, string content)
    {
        var existing = db.Command("SELECT doc FROM search_docs WHERE noun = $noun AND thing_id = $id").Bind("$noun", noun).Bind("$id", id).ExecuteScalar() as long?;
        if (content.Length == 0)
        {
            if (existing is long gone)
            {
                db.Command("DELETE FROM search WHERE rowid = $doc").Bind("$doc", gone).ExecuteNonQuery();
                db.Command("DELETE FROM search_docs WHERE noun = $noun AND thing_id = $id").Bind("$noun", noun).Bind("$id", id).ExecuteNonQuery();
                ForgetVector(noun, id);
            }

            return;
        }

        if (existing is long doc)
        {
            var old = db.Command("SELECT content FROM search WHERE rowid = $doc").Bind("$doc", doc).ExecuteScalar() as string;
            if (string.Equals(old, content, StringComparison.Ordinal))
            {
                return;
            }

            db.Command("UPDATE search SET content = $content WHERE rowid = $doc").Bind("$content", content).Bind("$doc", doc).ExecuteNonQuery();
            db.Command("UPDATE search_docs SET vector = NULL WHERE doc = $doc").Bind("$doc", doc).ExecuteNonQuery();
            ForgetVector(noun, id);
        }
        else
        {
            // RETURNING does not report the rowid of a virtual table's row; last_insert_rowid() does.
            db.Command("INSERT INTO search (thing_id, noun, content) VALUES ($id, $noun, $content)")
                .Bind("$id", id).Bind("$noun", noun).Bind("$content", content).ExecuteNonQuery();
            var inserted = (long)db.Command("SELECT last_insert_rowid()").ExecuteScalar()!;
            db.Command("INSERT INTO search_docs (noun, thing_id, doc, vector) VALUES ($noun, $id, $doc, NULL)")
                .Bind("$noun", noun).Bind("$id", id).Bind("$doc", inserted).ExecuteNonQuery();
        }
    }

    /// <summary>Full-text hits of <paramref name="noun"/>, best first: (local id, snippet, -bm25).</summary>
    public List<(string Id, string Snippet, double Score)> FullText(string noun, string match, int limit)
    {
        // ORDER BY rank (bm25 by default) lets FTS5 sort the matches itself, so SQLite builds no sorter of its own and
        // snippet() runs only for the rows returned; with ORDER BY bm25(search) it ran for every match (9,000 matches
        // of a three-word OR over 100,000 things: a second instead of tens of milliseconds).
        var command = db.Command("""
            SELECT d.thing_id, snippet(search, 2, '[', ']', '…', 12), rank FROM search
            JOIN search_docs AS d ON d.doc = search.rowid
            WHERE search MATCH $match AND d.noun = $noun
            ORDER BY rank LIMIT $limit
            """);
        command.Bind("$match", match).Bind("$noun", noun).Bind("$limit", limit);
        var hits = new List<(string, string, double)>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            hits.Add((reader.GetString(0), reader.GetString(1), -reader.GetDouble(2)));
        }

        return hits;
    }
}
