namespace Do.Embeddings.Tests;

[Noun]
public partial class Listing
{
    [Searchable] public string Text { get; set; } = "";
}

public partial class Board : Business
{
}

/// <summary>The local model, offline, through the host's vector search.</summary>
public sealed class MiniLMEmbeddingGeneratorTests
{
    [Fact]
    public async Task A_paraphrase_ranks_above_unrelated_text()
    {
        var folder = Path.Combine(Path.GetTempPath(), "do-sdk-tests", Guid.NewGuid().ToString("N"));
        try
        {
            using var model = new MiniLMEmbeddingGenerator();
            await using (var host = await DoHost.StartAsync(o => { o.DataPath = folder; o.Embeddings = model; }))
            {
                var board = host.Object<Board>("https://board.example");
                await board.Listings.Create("cat", new Listing { Text = "A kitten is resting on a rug" });
                await board.Listings.Create("tax", new Listing { Text = "Quarterly tax filing deadline reminders" });
                await board.Listings.Create("rocket", new Listing { Text = "The rocket reached orbit after launch" });

                var hits = await board.Listings.SimilarTo("the cat sat on the mat", k: 3);

                Assert.Equal(["https://board.example/cat"], hits.Take(1).Select(h => h.Id));
                Assert.True(hits[0].Score > hits[1].Score + 0.2, $"paraphrase {hits[0].Score:F3} vs next {hits[1].Score:F3}");
            }
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    [Fact]
    public async Task It_embeds_in_384_dimensions_and_reports_its_model()
    {
        using var model = new MiniLMEmbeddingGenerator();
        var embeddings = await model.GenerateAsync(["hello", "world"]);
        Assert.Equal(2, embeddings.Count);
        Assert.All(embeddings, e => Assert.Equal(384, e.Vector.Length));
        var metadata = (Microsoft.Extensions.AI.EmbeddingGeneratorMetadata?)model.GetService(typeof(Microsoft.Extensions.AI.EmbeddingGeneratorMetadata));
        Assert.Equal(MiniLMEmbeddingGenerator.ModelId, metadata?.DefaultModelId);
    }
}
