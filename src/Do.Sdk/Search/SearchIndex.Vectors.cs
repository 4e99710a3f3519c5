using System.Runtime.InteropServices;
using Microsoft.Extensions.AI;
using Do.Storage;

namespace Do.Search;

internal sealed partial class SearchIndex
{
    private const int EmbedBatch = 128;

    // The embeddings of each noun, read from the file by the first vector query after activation and then kept in step
    // with every change to search_docs, so a query scans memory and never re-reads 100,000 blobs.
    private readonly Dictionary<string, VectorSet> _vectors = new(StringComparer.Ordinal);

    // Set when a write in a transaction that may still roll back removed rows from a loaded set; a rollback then drops
    // the sets (they are reloaded from the file) rather than keep rows out that the file still has.
    private bool _unconfirmed;

    /// <summary>Called after a transaction (or a member of a group) rolled back: forgets what the rollback undid.</summary>
    public void OnRollback()
    {
        if (_unconfirmed)
        {
            _vectors.Clear();
            _unconfirmed = false;
        }
    }

    /// <summary>A thing's text changed or it left the index: its vector is stale until the next vector query embeds it.</summary>
    private void ForgetVector(string noun, string id)
    {
        if (_vectors.TryGetValue(noun, out var set) && set.Remove(id))
        {
            _unconfirmed = true;
        }
    }

    /// <summary>Embeds every indexed thing of <paramref name="noun"/> whose text changed since it was last embedded.</summary>
    public async ValueTask EmbedPendingAsync(string noun, IEmbeddingGenerator<string, Embedding<float>> generator, CancellationToken cancellationToken)
    {
        if (!db.IsInTransaction)
        {
            _unconfirmed = false; // every earlier write has committed or rolled back by now
        }

        while (true)
        {
            var pending = new List<(string Id, string Content)>();

            // INDEXED BY: the planner prefers the primary key (noun, thing_id) for noun = ?, which reads every row of the
            // noun (100,000 rows took a second); the partial index holds only the rows still to embed.
            var command = db.Command("""
                SELECT d.thing_id, s.content FROM search_docs AS d INDEXED BY search_docs_unembedded
                JOIN search AS s ON s.rowid = d.doc
                WHERE d.noun = $noun AND d.vector IS NULL LIMIT $batch
                """);
            command.Bind("$noun", noun).Bind("$batch", EmbedBatch);
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    pending.Add((reader.GetString(0), reader.GetString(1)));
                }
            }

            if (pending.Count == 0)
            {
                return;
            }

            var embeddings = await generator.GenerateAsync(pending.Select(p => p.Content), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (embeddings.Count != pending.Count)
            {
                throw new InvalidOperationException($"The embedding generator returned {embeddings.Count} embeddings for {pending.Count} texts; expected one per text.");
            }

            var units = new float[pending.Count][];
            for (int i = 0; i < pending.Count; i++)
            {
                units[i] = embeddings[i].Vector.ToArray();
                VectorSet.Normalize(units[i]);
            }

            db.InTransaction(() =>
            {
                for (int i = 0; i < pending.Count; i++)
                {
                    db.Command("UPDATE search_docs SET vector = $vector WHERE noun = $noun AND thing_id = $id")
                        .Bind("$vector", MemoryMarshal.AsBytes(units[i].AsSpan()).ToArray()).Bind("$noun", noun).Bind("$id", pending[i].Id).ExecuteNonQuery();
                }
            });

            // Committed: the loaded set takes the new rows. One of another size means the generator changed; dropping
            // the set lets the next load report the mixed sizes.
            if (_vectors.TryGetValue(noun, out var set))
            {
                foreach (var (unit, (id, _)) in units.Zip(pending))
                {
                    if (set.Count > 0 && unit.Length != set.Dimensions)
                    {
                        _vectors.Remove(noun);
                        break;
                    }

                    set.Set(id, unit);
                }

                _unconfirmed |= db.IsInTransaction; // inside a group's transaction, a rollback may still undo them
            }
        }
    }

    /// <summary>The <paramref name="k"/> things of <paramref name="noun"/> most similar to <paramref name="query"/>, best first: (local id, cosine).</summary>
    public List<(string Id, double Score)> Nearest(string noun, ReadOnlySpan<float> query, int k)
    {
        var set = Load(noun);
        if (set.Count == 0)
        {
            return [];
        }

        if (query.Length != set.Dimensions)
        {
            throw new InvalidOperationException($"The query embedding has {query.Length} dimensions but the stored {noun} embeddings have {set.Dimensions}; the embedding generator changed. Re-index by updating the things, or use the same model.");
        }

        var unit = query.ToArray();
        VectorSet.Normalize(unit);
        return set.Nearest(unit, k);
    }

    private VectorSet Load(string noun)
    {
        if (_vectors.TryGetValue(noun, out var cached))
        {
            return cached;
        }

        var set = new VectorSet();
        var command = db.Command("SELECT thing_id, vector FROM search_docs WHERE noun = $noun AND vector IS NOT NULL");
        command.Bind("$noun", noun);
        var row = Array.Empty<byte>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var id = reader.GetString(0);
                var length = (int)reader.GetBytes(1, 0, null, 0, 0);
                if (row.Length != length)
                {
                    row = new byte[length];
                }

                reader.GetBytes(1, 0, row, 0, length);
                var vector = MemoryMarshal.Cast<byte, float>(row);
                if (set.Count > 0 && vector.Length != set.Dimensions)
                {
                    throw new StorageException($"The stored {noun} embedding of \"{id}\" has {vector.Length} dimensions, others have {set.Dimensions}; the embedding generator changed between writes.");
                }

                set.Set(id, vector);
            }
        }

        _vectors[noun] = set;
        _unconfirmed |= db.IsInTransaction; // it may hold rows a rollback will undo
        return set;
    }
}
