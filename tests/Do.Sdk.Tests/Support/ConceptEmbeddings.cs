using Microsoft.Extensions.AI;

namespace Do.Tests.Support;

/// <summary>
/// A deterministic, honest embedding generator for tests: each dimension is a concept, and a text's vector counts the
/// words of each concept it contains (a tiny hand-made thesaurus), so paraphrases share dimensions and unrelated text
/// does not. It counts its calls and texts, so tests can see what was embedded.
/// </summary>
public sealed class ConceptEmbeddings : IEmbeddingGenerator<string, Embedding<float>>
{
    private static readonly string[][] Concepts =
    [
        ["cat", "cats", "kitten", "kittens", "feline"],
        ["sleep", "sleeps", "sleeping", "nap", "naps", "napping", "rest", "resting", "dozes"],
        ["mat", "rug", "carpet", "cushion"],
        ["tax", "taxes", "invoice", "filing", "deadline", "accounting"],
        ["rocket", "launch", "orbit", "spacecraft"],
        ["dog", "dogs", "puppy", "hound"],
    ];

    public int Calls { get; private set; }

    public int TextsEmbedded { get; private set; }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        Calls++;
        var result = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var text in values)
        {
            TextsEmbedded++;
            var vector = new float[Concepts.Length + 1];
            vector[^1] = 0.01f; // so a text with no concept still has a direction
            foreach (var word in text.ToLowerInvariant().Split([' ', '\n', ',', '.', '!'], StringSplitOptions.RemoveEmptyEntries))
            {
                for (int c = 0; c < Concepts.Length; c++)
                {
                    if (Concepts[c].Contains(word))
                    {
                        vector[c] += 1;
                    }
                }
            }

            result.Add(new Embedding<float>(vector));
        }

        return Task.FromResult(result);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
