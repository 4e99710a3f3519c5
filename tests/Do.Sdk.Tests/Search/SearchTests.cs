using Do.Tests.Relationships.Graph;
using Do.Tests.Support;

namespace Do.Tests.Search;

/// <summary>Typed search: [Searchable] text in FTS5 (bm25) and vectors, kept with HEAD of the checked-out branch.</summary>
public sealed class SearchTests
{
    private const string Ns = "https://search.example";

    [Fact]
    public async Task Search_follows_create_update_delete_and_ranks_with_bm25()
    {
        using var temp = new TempFolder();
        await using var host = await DoHost.StartAsync(o => o.DataPath = temp.Path);
        var mall = host.Object<Mall>(Ns);
        await mall.Shoppers.Create("alice", new Shopper { Name = "Alice", Bio = "Buys gadgets" });
        await mall.Shoppers.Create("alfred", new Shopper { Name = "Alfred", Bio = "Alice's neighbour, knows Alice well" });
        await mall.Shoppers.Create("bob", new Shopper { Name = "Bob", Bio = "Quiet" });
        await mall.Gadgets.Create("alice", new Gadget { Title = "Alice phone" });

        var hits = await mall.Shoppers.Search("alic*");
        Assert.Equal([Ns + "/alfred", Ns + "/alice"], hits.Select(h => h.Id).Order());
        Assert.True(hits[0].Score >= hits[1].Score);
        Assert.All(hits, h => Assert.Contains("[Alice", h.Snippet, StringComparison.Ordinal));
        Assert.Equal("Alfred", hits.Single(h => h.Id.EndsWith("/alfred", StringComparison.Ordinal)).Value.Name);
        Assert.Empty(await mall.Shoppers.Search("alic"));
        Assert.Equal([Ns + "/alice"], (await mall.Gadgets.Search("alice")).Select(h => h.Id));

        await mall.Shopper("bob").Rename("Alicia");
        await mall.Shoppers.Update("alfred", new Shopper { Name = "Alfred", Bio = "Moved away" });
        Assert.Equal([Ns + "/alice", Ns + "/bob"], (await mall.Shoppers.Search("alic*")).Select(h => h.Id).Order());
        Assert.Equal([Ns + "/alfred"], (await mall.Shoppers.Search("moved away")).Select(h => h.Id));

        await mall.Shoppers.Delete("alice");
        Assert.Equal([Ns + "/bob"], (await mall.Shoppers.Search("alic*")).Select(h => h.Id));
        Assert.Equal("Alicia", (await mall.Shoppers.Search("alicia")).Single().Value.Name);
    }

    [Fact]
    public async Task Search_follows_checkout_and_merge()
    {
        using var temp = new TempFolder();
        await using var host = await DoHost.StartAsync(o => o.DataPath = temp.Path);
        var mall = host.Object<Mall>(Ns);
        await mall.Shoppers.Create("alice", new Shopper { Name = "Alice", Bio = "Likes tea" });
        await mall.Shoppers.Create("bob", new Shopper { Name = "Bob", Bio = "Likes coffee" });

        await mall.Branch("rewrite");
        await mall.Checkout("rewrite");
        await mall.Shoppers.Update("alice", new Shopper { Name = "Alice", Bio = "Likes coffee now" });
        await mall.Shoppers.Delete("bob");
        await mall.Shoppers.Create("carol", new Shopper { Name = "Carol", Bio = "Likes tea" });
        Assert.Equal([Ns + "/alice"], (await mall.Shoppers.Search("coffee")).Select(h => h.Id));

        await mall.Checkout("main");
        Assert.Equal([Ns + "/bob"], (await mall.Shoppers.Search("coffee")).Select(h => h.Id));
        Assert.Equal([Ns + "/alice"], (await mall.Shoppers.Search("tea")).Select(h => h.Id));

        await mall.Merge("rewrite");
        Assert.Equal([Ns + "/alice"], (await mall.Shoppers.Search("coffee")).Select(h => h.Id));
        Assert.Equal([Ns + "/carol"], (await mall.Shoppers.Search("tea")).Select(h => h.Id));
    }

    [Fact]
    public async Task The_index_survives_a_restart_and_a_compaction()
    {
        using var temp = new TempFolder();
        await using (var host = await DoHost.StartAsync(o => o.DataPath = temp.Path))
        {
            var mall = host.Object<Mall>(Ns);
            await mall.Shoppers.Create("alice", new Shopper { Name = "Alice" });
            await mall.Shoppers.Update("alice", new Shopper { Name = "Alice Liddell" });
        }

        await using (var host = await DoHost.StartAsync(o => o.DataPath = temp.Path))
        {
            var mall = host.Object<Mall>(Ns);
            await mall.Compact();
            Assert.Equal("Alice Liddell", (await mall.Shoppers.Search("liddell")).Single().Value.Name);
        }
    }

    [Fact]
    public async Task Vector_search_ranks_a_paraphrase_first_and_re_embeds_only_what_changed()
    {
        using var temp = new TempFolder();
        var embeddings = new ConceptEmbeddings();
        await using var host = await DoHost.StartAsync(o => { o.DataPath = temp.Path; o.Embeddings = embeddings; });
        var mall = host.Object<Mall>(Ns);
        await mall.Shoppers.Create("a", new Shopper { Name = "A", Bio = "My kitten naps on the rug" });
        await mall.Shoppers.Create("b", new Shopper { Name = "B", Bio = "Quarterly tax filing deadline" });
        await mall.Shoppers.Create("c", new Shopper { Name = "C", Bio = "The rocket will launch into orbit" });

        var similar = await mall.Shoppers.SimilarTo("a cat sleeping on a mat", k: 2);
        Assert.Equal(Ns + "/a", similar[0].Id);
        Assert.True(similar[0].Score > similar[1].Score);
        Assert.Null(similar[0].Snippet);
        Assert.Equal(3 + 1, embeddings.TextsEmbedded); // three things, one query

        await mall.Shoppers.Update("c", new Shopper { Name = "C", Bio = "A puppy dozes on the carpet" });
        await mall.Shopper("b").Rename("B."); // the searchable text changes: b is embedded again too
        var again = await mall.Shoppers.SimilarTo("dog resting on a rug", k: 3);
        Assert.Equal(Ns + "/c", again[0].Id);
        Assert.Equal(4 + 2 + 1, embeddings.TextsEmbedded);

        var hybrid = await mall.Shoppers.HybridSearch("kitten deadline", k: 3);
        Assert.Equal([Ns + "/a", Ns + "/b"], hybrid.Take(2).Select(h => h.Id).Order());
        Assert.NotNull(hybrid[0].Snippet);

        await mall.Shoppers.Delete("a");
        Assert.DoesNotContain(Ns + "/a", (await mall.Shoppers.SimilarTo("kitten", k: 3)).Select(h => h.Id));
    }

    [Fact]
    public async Task Bad_queries_say_what_is_expected()
    {
        using var temp = new TempFolder();
        await using var host = await DoHost.StartAsync(o => o.DataPath = temp.Path);
        var mall = host.Object<Mall>(Ns);

        var blank = await Assert.ThrowsAsync<ArgumentException>(() => mall.Shoppers.Search(" \"\" * "));
        Assert.Contains("no word", blank.Message, StringComparison.Ordinal);
        Assert.Contains("alic*", blank.Message, StringComparison.Ordinal);
        var noModel = await Assert.ThrowsAsync<InvalidOperationException>(() => mall.Shoppers.SimilarTo("cats"));
        Assert.Contains("DoHostOptions.Embeddings", noModel.Message, StringComparison.Ordinal);
        Assert.Empty(await mall.Shoppers.Search("OR AND NEAR(\"x\")"));
    }
}
