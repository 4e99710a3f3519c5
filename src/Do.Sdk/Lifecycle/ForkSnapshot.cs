using Do.Storage;

namespace Do.Lifecycle;

/// <summary>
/// What a fork carries to its new object: HEAD of every live thing in the current view (no history), the graph
/// edges and the search index (text and vectors). Edges and index entries are not versioned, so they are copied as
/// they are now.
/// </summary>
internal sealed class ForkSnapshot
{
    public List<(string Noun, string Id, string Json)> Things { get; } = [];

    public List<(string Type, string From, string To, string? Data, long CreatedAt)> Relationships { get; } = [];

    public List<(string ThingId, string Noun, string Content)> Search { get; } = [];

    public List<(string ThingId, byte[] Vector)> Vectors { get; } = [];

    /// <summary>The embeddings of [Searchable] things (noun, local id, unit-length float32 blob).</summary>
    public List<(string Noun, string Id, byte[] Vector)> Embeddings { get; } = [];

    /// <summary>Reads the edges and index of <paramref name="db"/> (the things come from the lifecycle's view).</summary>
    public static ForkSnapshot Read(ObjectDatabase db, List<(string Noun, string Id, string Json)> things)
    {
        var snapshot = new ForkSnapshot();
        snapshot.Things.AddRange(things);
        using (var reader = db.Command("SELECT type, from_id, to_id, data, created_at FROM relationships ORDER BY id").ExecuteReader())
        {
            while (reader.Read())
            {
                snapshot.Relationships.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetInt64(4)));
            }
        }

        // Entries of [Searchable] nouns are re-created by the fork's own writes (ThingStore indexes each thing it
        // appends); copying their text too would leave a second, orphaned FTS row per thing. Their embeddings are
        // carried, so the fork does not embed again what its origin already embedded.
        using (var reader = db.Command("SELECT thing_id, noun, content FROM search WHERE rowid NOT IN (SELECT doc FROM search_docs) ORDER BY rowid").ExecuteReader())
        {
            while (reader.Read())
            {
                snapshot.Search.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        using (var reader = db.Command("SELECT thing_id, vector FROM search_vectors").ExecuteReader())
        {
            while (reader.Read())
            {
                snapshot.Vectors.Add((reader.GetString(0), (byte[])reader.GetValue(1)));
            }
        }

        using (var reader = db.Command("SELECT noun, thing_id, vector FROM search_docs WHERE vector IS NOT NULL").ExecuteReader())
        {
            while (reader.Read())
            {
                snapshot.Embeddings.Add((reader.GetString(0), reader.GetString(1), (byte[])reader.GetValue(2)));
            }
        }

        return snapshot;
    }

    /// <summary>Writes the edges and the index into the fork's database. Must run in its transaction.</summary>
    public void CopyIndexesInto(ObjectDatabase target)
    {
        var edge = target.Command("INSERT INTO relationships (type, from_id, to_id, data, created_at) VALUES ($type, $from, $to, $data, $at)");
        foreach (var (type, from, to, data, at) in Relationships)
        {
            edge.Bind("$type", type).Bind("$from", from).Bind("$to", to).Bind("$data", data).Bind("$at", at).ExecuteNonQuery();
        }

        var text = target.Command("INSERT INTO search (thing_id, noun, content) VALUES ($id, $noun, $content)");
        foreach (var (id, noun, content) in Search)
        {
            text.Bind("$id", id).Bind("$noun", noun).Bind("$content", content).ExecuteNonQuery();
        }

        var vector = target.Command("INSERT INTO search_vectors (thing_id, vector) VALUES ($id, $vector)");
        foreach (var (id, bytes) in Vectors)
        {
            vector.Bind("$id", id).Bind("$vector", bytes).ExecuteNonQuery();
        }

        // The things were appended first, so each indexed one has its search_docs row, still without a vector.
        var embedding = target.Command("UPDATE search_docs SET vector = $vector WHERE noun = $noun AND thing_id = $id AND vector IS NULL");
        foreach (var (noun, id, bytes) in Embeddings)
        {
            embedding.Bind("$vector", bytes).Bind("$noun", noun).Bind("$id", id).ExecuteNonQuery();
        }
    }
}
