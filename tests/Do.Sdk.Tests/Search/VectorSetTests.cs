using Do.Search;

namespace Do.Tests.Search;

/// <summary>The in-memory vectors of one noun: top-k by cosine similarity, kept right through adds, replaces and removes.</summary>
public sealed class VectorSetTests
{
    [Fact]
    public void Nearest_returns_the_same_top_k_as_a_full_sort_across_blocks_after_replaces_and_removes()
    {
        var random = new Random(7);
        var set = new VectorSet();
        var truth = new Dictionary<string, float[]>(StringComparer.Ordinal);
        var rows = (VectorSet.BlockRows * 2) + 300; // three blocks, the last one partly filled
        for (int i = 0; i < rows; i++)
        {
            Put("t" + i, RandomUnit(random, 24));
        }

        for (int i = 0; i < rows; i += 3)
        {
            Assert.True(set.Remove("t" + i)); // rows move into the holes, some across blocks
            truth.Remove("t" + i);
        }

        for (int i = 1; i < rows; i += 5)
        {
            Put("t" + i, RandomUnit(random, 24)); // replaced in place
        }

        for (int i = 0; i < 40; i++)
        {
            Put("new" + i, RandomUnit(random, 24));
        }

        Assert.Equal(truth.Count, set.Count);
        for (int q = 0; q < 20; q++)
        {
            var query = RandomUnit(random, 24);
            var expected = truth
                .Select(p => (Id: p.Key, Score: (double)System.Numerics.Tensors.TensorPrimitives.Dot(query, p.Value)))
                .OrderByDescending(p => p.Score)
                .Take(10)
                .ToList();
            var actual = set.Nearest(query, 10);
            Assert.Equal(expected.Select(e => e.Id), actual.Select(a => a.Id));
            Assert.Equal(expected.Select(e => e.Score), actual.Select(a => a.Score));
        }

        void Put(string id, float[] vector)
        {
            set.Set(id, vector);
            truth[id] = vector;
        }
    }

    [Fact]
    public void A_set_emptied_and_refilled_takes_the_new_size_and_a_mixed_size_is_refused_with_both_sizes()
    {
        var set = new VectorSet();
        Assert.Empty(set.Nearest([1f, 0f], 3));
        set.Set("a", [1f, 0f]);
        set.Set("b", [0f, 1f]);
        Assert.Equal(["a", "b"], set.Nearest([0.9f, 0.1f], 5).Select(h => h.Id));

        var mixed = Assert.Throws<ArgumentException>(() => set.Set("c", [1f, 0f, 0f]));
        Assert.Contains("3-dimensional", mixed.Message, StringComparison.Ordinal);
        Assert.Contains("expected 2 dimensions", mixed.Message, StringComparison.Ordinal);
        Assert.False(set.Contains("c"));

        Assert.True(set.Remove("a"));
        Assert.True(set.Remove("b"));
        Assert.False(set.Remove("b"));
        set.Set("c", [0f, 0f, 1f]);
        Assert.Equal(3, set.Dimensions);
        Assert.Equal("c", Assert.Single(set.Nearest([0f, 0f, 1f], 2)).Id);
    }

    [Fact]
    public void Normalize_makes_unit_length_and_leaves_a_zero_vector_alone()
    {
        float[] vector = [3f, 4f];
        VectorSet.Normalize(vector);
        Assert.Equal(0.6f, vector[0], 0.000001f);
        Assert.Equal(0.8f, vector[1], 0.000001f);
        float[] zero = [0f, 0f];
        VectorSet.Normalize(zero);
        Assert.Equal([0f, 0f], zero);
    }

    private static float[] RandomUnit(Random random, int dimensions)
    {
        var vector = new float[dimensions];
        for (int i = 0; i < dimensions; i++)
        {
            vector[i] = (float)((random.NextDouble() * 2) - 1);
        }

        VectorSet.Normalize(vector);
        return vector;
    }
}
