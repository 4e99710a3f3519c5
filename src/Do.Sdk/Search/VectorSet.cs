using System.Numerics.Tensors;

namespace Do.Search;

/// <summary>
/// The embeddings of one noun's indexed things in memory: unit-length float32 rows packed into blocks of
/// <see cref="BlockRows"/> contiguous rows, so a similarity query is a linear scan of dot products (cosine similarity of
/// unit vectors) with no allocation per row, and growing by one thing never copies the whole set.
/// Kept in step with the object's <c>search_docs</c> table by <see cref="SearchIndex"/>: a row is removed when its
/// thing's text changes or the thing leaves the index, and added when its new embedding is committed.
/// </summary>
internal sealed class VectorSet
{
    /// <summary>Rows per block: 1.5 MB at 384 dimensions, small enough to stay off a second-generation compaction.</summary>
    public const int BlockRows = 1024;

    private readonly Dictionary<string, int> _rows = new(StringComparer.Ordinal);
    private readonly List<string> _ids = [];
    private readonly List<float[]> _blocks = [];

    /// <summary>How many floats each row holds; 0 until the first row.</summary>
    public int Dimensions { get; private set; }

    /// <summary>How many things have a vector here.</summary>
    public int Count => _ids.Count;

    /// <summary>Whether <paramref name="id"/> has a vector here.</summary>
    public bool Contains(string id) => _rows.ContainsKey(id);

    /// <summary>Adds or replaces the vector of <paramref name="id"/>; <paramref name="unit"/> must already be unit length.</summary>
    /// <exception cref="ArgumentException">The vector's length differs from <see cref="Dimensions"/>.</exception>
    public void Set(string id, ReadOnlySpan<float> unit)
    {
        if (Count == 0)
        {
            Dimensions = unit.Length;
            _blocks.Clear();
        }

        if (unit.Length != Dimensions)
        {
            throw new ArgumentException($"A {unit.Length}-dimensional vector for \"{id}\" cannot join {Dimensions}-dimensional ones; expected {Dimensions} dimensions.", nameof(unit));
        }

        if (!_rows.TryGetValue(id, out var row))
        {
            row = _ids.Count;
            if (row / BlockRows == _blocks.Count)
            {
                _blocks.Add(new float[BlockRows * Dimensions]);
            }

            _ids.Add(id);
            _rows[id] = row;
        }

        unit.CopyTo(Row(row));
    }

    /// <summary>Removes the vector of <paramref name="id"/>; false when it had none. The last row moves into the hole.</summary>
    public bool Remove(string id)
    {
        if (!_rows.Remove(id, out var row))
        {
            return false;
        }

        var last = _ids.Count - 1;
        if (row != last)
        {
            var moved = _ids[last];
            _ids[row] = moved;
            _rows[moved] = row;
            Row(last).CopyTo(Row(row));
        }

        _ids.RemoveAt(last);
        if (last % BlockRows == 0)
        {
            _blocks.RemoveAt(_blocks.Count - 1);
        }

        return true;
    }

    /// <summary>
    /// The <paramref name="k"/> rows most similar to <paramref name="unit"/> (unit length, <see cref="Dimensions"/>
    /// long), best first: (id, cosine similarity).
    /// </summary>
    public List<(string Id, double Score)> Nearest(ReadOnlySpan<float> unit, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        if (Count == 0)
        {
            return [];
        }

        if (unit.Length != Dimensions)
        {
            throw new ArgumentException($"A {unit.Length}-dimensional query cannot be compared with {Dimensions}-dimensional vectors; expected {Dimensions} dimensions.", nameof(unit));
        }

        // A bounded min-heap holds the best k seen so far; a row enters only if it beats the worst of them, so the
        // scan is one dot product and one comparison per row, never a sort of every row.
        var best = new PriorityQueue<int, float>(Math.Min(k, Count) + 1);
        var worst = float.NegativeInfinity;
        var dimensions = Dimensions;
        for (int block = 0, row = 0; block < _blocks.Count; block++)
        {
            var rows = Math.Min(BlockRows, Count - row);
            var floats = _blocks[block].AsSpan(0, rows * dimensions);
            for (int offset = 0; offset < floats.Length; offset += dimensions, row++)
            {
                var score = TensorPrimitives.Dot(unit, floats.Slice(offset, dimensions));
                if (best.Count < k)
                {
                    best.Enqueue(row, score);
                    if (best.Count == k)
                    {
                        best.TryPeek(out _, out worst);
                    }
                }
                else if (score > worst)
                {
                    best.DequeueEnqueue(row, score);
                    best.TryPeek(out _, out worst);
                }
            }
        }

        var result = new List<(string, double)>(best.Count);
        while (best.TryDequeue(out var row, out var score))
        {
            result.Add((_ids[row], score));
        }

        result.Reverse();
        return result;
    }

    /// <summary>Scales <paramref name="vector"/> to unit length in place (a zero vector stays zero).</summary>
    public static void Normalize(Span<float> vector)
    {
        var length = TensorPrimitives.Norm(vector);
        if (length > 0)
        {
            TensorPrimitives.Divide(vector, length, vector);
        }
    }

    private Span<float> Row(int row) => _blocks[row / BlockRows].AsSpan((row % BlockRows) * Dimensions, Dimensions);
}
