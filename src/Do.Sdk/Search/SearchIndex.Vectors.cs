using System.Numerics;
using System.Runtime.InteropServices;
using Microsoft.Extensions.AI;
using Do.Storage;

namespace Do.Search;

internal sealed partial class SearchIndex
{
    private const int EmbedBatch = 128;

    // The embeddings of a noun, read once and kept until a write changes that noun's index: a vector query then
    // scans memory, not the file. Unit-length rows, so cosine similarity is a dot product.
    private readonly Dictionary<string, (string[] Ids, float[] Matrix, int Dimensions)> _vectors = new(StringComparer.Ordinal);

    private void Invalidate(string noun) => _vectors.Remove(noun);

    /// <summary>Embeds every indexed thing of <paramref name="noun"/> whose text changed since it was last embedded.</summary>
    public async ValueTask EmbedPendingAsync(string noun, IEmbeddingGenerator<string, Embedding<float>> generator, CancellationToken cancellationToken)
    {
        while (true)
        {
            var pending = new List<(string Id, string Content)>();
            var command = db.Command("""
                SELECT d.thing_id, s.content FROM search_docs AS d JOIN search AS s ON s.rowid = d.doc
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

            db.InTransaction(() =>
            {
                for (int i = 0; i < pending.Count; i++)
                {
                    db.Command("UPDATE search_docs SET vector = $vector WHERE noun = $noun AND thing_id = $id")
                        .Bind("$vector", ToBlob(embeddings[i].Vector.Span)).Bind("$noun", noun).Bind("$id", pending[i].Id).ExecuteNonQuery();
                }
            });
            Invalidate(noun);
        }
    }

    /// <summary>The <paramref name="k"/> things of <paramref name="noun"/> most similar to <paramref name="query"/>, best first: (local id, cosine).</summary>
    public List<(string Id, double Score)> Nearest(string noun, ReadOnlySpan<float> query, int k)
    {
        var (ids, matrix, dimensions) = Load(noun);
        if (ids.Length == 0)
        {
            return [];
        }

        if (query.Length != dimensions)
        {
            throw new InvalidOperationException($"The query embedding has {query.Length} dimensions but the stored {noun} embeddings have {dimensions}; the embedding generator changed. Re-index by updating the things, or use the same model.");
        }

        var unit = new float[dimensions];
        query.CopyTo(unit);
        Normalize(unit);

        // A bounded min-heap keeps the best k while the rows stream past.
        var best = new PriorityQueue<int, float>(k + 1);
        for (int row = 0; row < ids.Length; row++)
        {
            var score = Dot(unit, matrix.AsSpan(row * dimensions, dimensions));
            if (best.Count < k)
            {
                best.Enqueue(row, score);
            }
            else if (best.TryPeek(out _, out var worst) && score > worst)
            {
                best.DequeueEnqueue(row, score);
            }
        }

        var result = new List<(string, double)>(best.Count);
        while (best.TryDequeue(out var row, out var score))
        {
            result.Add((ids[row], score));
        }

        result.Reverse();
        return result;
    }

    private (string[] Ids, float[] Matrix, int Dimensions) Load(string noun)
    {
        if (_vectors.TryGetValue(noun, out var cached))
        {
            return cached;
        }

        var ids = new List<string>();
        var rows = new List<byte[]>();
        var command = db.Command("SELECT thing_id, vector FROM search_docs WHERE noun = $noun AND vector IS NOT NULL");
        command.Bind("$noun", noun);
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                ids.Add(reader.GetString(0));
                rows.Add((byte[])reader.GetValue(1));
            }
        }

        int dimensions = rows.Count == 0 ? 0 : rows[0].Length / sizeof(float);
        var matrix = new float[rows.Count * dimensions];
        for (int i = 0; i < rows.Count; i++)
        {
            var row = MemoryMarshal.Cast<byte, float>(rows[i]);
            if (row.Length != dimensions)
            {
                throw new StorageException($"The stored {noun} embedding of \"{ids[i]}\" has {row.Length} dimensions, others have {dimensions}; the embedding generator changed between writes.");
            }

            row.CopyTo(matrix.AsSpan(i * dimensions));
        }

        var loaded = (ids.ToArray(), matrix, dimensions);
        _vectors[noun] = loaded;
        return loaded;
    }

    private static byte[] ToBlob(ReadOnlySpan<float> vector)
    {
        var unit = vector.ToArray();
        Normalize(unit);
        return MemoryMarshal.AsBytes(unit.AsSpan()).ToArray();
    }

    private static void Normalize(Span<float> vector)
    {
        var length = MathF.Sqrt(Dot(vector, vector));
        if (length > 0)
        {
            foreach (ref var x in vector)
            {
                x /= length;
            }
        }
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = Vector<float>.Zero;
        int i = 0;
        for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            sum += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
        }

        var total = Vector.Sum(sum);
        for (; i < a.Length; i++)
        {
            total += a[i] * b[i];
        }

        return total;
    }
}
