using Microsoft.Extensions.AI;

namespace Do.Benchmarks.Support;

/// <summary>
/// A fast, deterministic 384-dimensional embedding (feature hashing of words), the size of all-MiniLM-L6-v2's, so the
/// benchmark measures the index and not a model.
/// </summary>
public sealed class HashedEmbeddings : IEmbeddingGenerator<string, Embedding<float>>
{
    public const int Dimensions = 384;

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var result = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var text in values)
        {
            result.Add(new Embedding<float>(Embed(text)));
        }

        return Task.FromResult(result);
    }

    public static float[] Embed(string text)
    {
        var vector = new float[Dimensions];
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            uint h = 2166136261;
            foreach (var c in word)
            {
                h = (h ^ c) * 16777619;
            }

            vector[h % Dimensions] += (h & 0x80000000) == 0 ? 1 : -1;
        }

        return vector;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
