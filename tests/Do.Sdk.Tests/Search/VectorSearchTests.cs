using Do.Storage;
using Do.Tests.Relationships.Graph;
using Do.Tests.Support;

namespace Do.Tests.Search;

/// <summary>
/// Vector search answers from vectors kept in memory; these tests check that what it answers always matches what the
/// file says at HEAD of the checked-out branch: after updates, deletes, checkouts, merges, forks, compaction, a restart
/// and a rolled-back write.
/// </summary>
public sealed class VectorSearchTests
{
    private const string Ns = "https://vectors.example";

    [Fact]
    public async Task An_update_moves_a_thing_to_its_new_meaning_and_a_delete_removes_it()
    {
        using var temp = new TempFolder();
        var embeddings = new ConceptEmbeddings();
        await using var host = await DoHost.StartAsync(o => { o.DataPath = temp.Path; o.Embeddings = embeddings; });
        var mall = host.Object<Mall>(Ns);
        await mall.Shoppers.Create("a", new Shopper { Name = "A", Bio = "My kitten naps on the rug" });
        await mall.Shoppers.Create("b", new Shopper { Name = "B", Bio = "Quarterly tax filing deadline" });
        await mall.Shoppers.Create("c", new Shopper { Name = "C", Bio = "The rocket will launch into orbit" });
        Assert.Equal(Ns + "/a", (await mall.Shoppers.SimilarTo("cats", k: 1)).Single().Id);

        await mall.Shoppers.Update("a", new Shopper { Name = "A", Bio = "Invoices and accounting" });
        await mall.Shoppers.Update("c", new Shopper { Name = "C", Bio = "A cat on a cushion" });
        var cats = await mall.Shoppers.SimilarTo("kitten on a mat", k: 3);
        Assert.Equal(Ns + "/c", cats[0].Id);
        Assert.Equal("A cat on a cushion", cats[0].Value.Bio);
        var tax = await mall.Shoppers.SimilarTo("accounting", k: 3);
        Assert.Equal([Ns + "/a", Ns + "/b"], tax.Take(2).Select(h => h.Id).Order());
        Assert.Equal(Ns + "/c", tax[2].Id);
        Assert.Equal("Invoices and accounting", tax.Single(h => h.Id == Ns + "/a").Value.Bio);

        await mall.Shoppers.Delete("c");
        var afterDelete = await mall.Shoppers.SimilarTo("kitten on a mat", k: 3);
        Assert.Equal([Ns + "/a", Ns + "/b"], afterDelete.Select(h => h.Id).Order());
        Assert.DoesNotContain(Ns + "/c", (await mall.Shoppers.HybridSearch("cat cushion", k: 3)).Select(h => h.Id));

        await mall.Shoppers.Create("c", new Shopper { Name = "C", Bio = "A sleeping feline" });
        Assert.Equal(Ns + "/c", (await mall.Shoppers.SimilarTo("kitten on a mat", k: 3))[0].Id);
        Assert.Equal(3 + 2 + 1 + 6, embeddings.TextsEmbedded); // each text once (3 created, 2 updated, 1 re-created), one per query
    }

    [Fact]
    public async Task Each_branch_checked_out_answers_with_its_own_things_and_a_merge_brings_the_branch_over()
    {
        using var temp = new TempFolder();
        await using var host = await DoHost.StartAsync(o => { o.DataPath = temp.Path; o.Embeddings = new ConceptEmbeddings(); });
        var mall = host.Object<Mall>(Ns);
        await mall.Shoppers.Create("a", new Shopper { Name = "A", Bio = "My kitten naps on the rug" });
        await mall.Shoppers.Create("b", new Shopper { Name = "B", Bio = "Quarterly tax filing deadline" });
        Assert.Equal(Ns + "/a", (await mall.Shoppers.SimilarTo("cat", k: 1))[0].Id);

        await mall.Branch("dogs");
        await mall.Checkout("dogs");
        await mall.Shoppers.Update("a", new Shopper { Name = "A", Bio = "Rocket launch schedules" });
        await mall.Shoppers.Create("d", new Shopper { Name = "D", Bio = "A puppy and a kitten asleep" });
        await mall.Shoppers.Delete("b");
        var onBranch = await mall.Shoppers.SimilarTo("cat", k: 5);
        Assert.Equal(Ns + "/d", onBranch[0].Id);
        Assert.Equal([Ns + "/a", Ns + "/d"], onBranch.Select(h => h.Id).Order());

        await mall.Checkout("main");
        var onMain = await mall.Shoppers.SimilarTo("cat", k: 5);
        Assert.Equal([Ns + "/a", Ns + "/b"], onMain.Select(h => h.Id));
        Assert.Equal("My kitten naps on the rug", onMain[0].Value.Bio);

        await mall.Checkout("dogs");
        Assert.Equal([Ns + "/a", Ns + "/d"], (await mall.Shoppers.SimilarTo("cat", k: 5)).Select(h => h.Id).Order());

        await mall.Checkout("main");
        await mall.Merge("dogs");
        var merged = await mall.Shoppers.SimilarTo("rocket", k: 5);
        Assert.Equal(Ns + "/a", merged[0].Id);
        Assert.Equal([Ns + "/a", Ns + "/d"], merged.Select(h => h.Id).Order());
    }

    [Fact]
    public async Task A_fork_a_compaction_and_a_restart_answer_from_the_file_as_before()
    {
        using var temp = new TempFolder();
        var embeddings = new ConceptEmbeddings();
        await using (var host = await DoHost.StartAsync(o => { o.DataPath = temp.Path; o.Embeddings = embeddings; }))
        {
            var mall = host.Object<Mall>(Ns);
            await mall.Shoppers.Create("a", new Shopper { Name = "A", Bio = "My kitten naps on the rug" });
            await mall.Shoppers.Create("b", new Shopper { Name = "B", Bio = "Quarterly tax filing deadline" });
            await mall.Shoppers.Create("c", new Shopper { Name = "C", Bio = "The rocket will launch into orbit" });
            Assert.Equal(Ns + "/b", (await mall.Shoppers.SimilarTo("taxes", k: 1))[0].Id);

            await mall.Fork("https://vectors-fork.example");
            var fork = host.Object<Mall>("https://vectors-fork.example");
            var embedded = embeddings.TextsEmbedded;
            Assert.Equal("https://vectors-fork.example/b", (await fork.Shoppers.SimilarTo("taxes", k: 1))[0].Id);
            Assert.Equal(embedded + 1, embeddings.TextsEmbedded); // the query only: the fork carried the things' vectors
            Assert.Equal("https://vectors-fork.example/c", Assert.Single(await fork.Shoppers.Search("rocket")).Id);
            await fork.Shoppers.Delete("b");
            Assert.Equal(["https://vectors-fork.example/a", "https://vectors-fork.example/c"], (await fork.Shoppers.SimilarTo("taxes", k: 3)).Select(h => h.Id).Order());
            Assert.Equal(Ns + "/b", (await mall.Shoppers.SimilarTo("taxes", k: 1))[0].Id); // the origin keeps its own

            await mall.Shoppers.Update("c", new Shopper { Name = "C", Bio = "Tax on rocket fuel" });
            await mall.Compact();
            Assert.Equal([Ns + "/b", Ns + "/c"], (await mall.Shoppers.SimilarTo("taxes", k: 2)).Select(h => h.Id).Order());
        }

        var embeddedBefore = embeddings.TextsEmbedded;
        await using (var host = await DoHost.StartAsync(o => { o.DataPath = temp.Path; o.Embeddings = embeddings; }))
        {
            var mall = host.Object<Mall>(Ns);
            Assert.Equal([Ns + "/b", Ns + "/c"], (await mall.Shoppers.SimilarTo("taxes", k: 2)).Select(h => h.Id).Order());
            Assert.Equal(Ns + "/a", (await mall.Shoppers.SimilarTo("cat", k: 1))[0].Id);
            Assert.Equal(embeddedBefore + 2, embeddings.TextsEmbedded); // the two queries; the things' vectors came from the file
        }
    }

    [Fact]
    public async Task A_rolled_back_write_leaves_vector_search_answering_as_before()
    {
        using var db = new TestDatabase("https://vectors-rollback.example");
        var noun = db.Db.EnsureNounSchema(Shopper.Noun);
        var embeddings = new ConceptEmbeddings();
        db.Db.Things.Create(noun, "a", """{"name":"A","bio":"My kitten naps on the rug"}""");
        db.Db.Things.Create(noun, "b", """{"name":"B","bio":"Quarterly tax filing deadline"}""");
        await db.Db.SearchIndex.EmbedPendingAsync(noun, embeddings, CancellationToken.None);
        var cat = (await embeddings.GenerateAsync(["cat"]))[0].Vector.ToArray();
        var before = db.Db.SearchIndex.Nearest(noun, cat, 2);
        Assert.Equal("a", before[0].Id);

        Assert.Throws<InvalidOperationException>(() => db.Db.InTransaction(() =>
        {
            db.Db.Things.Update(noun, "a", """{"name":"A","bio":"Rocket launch"}""");
            db.Db.Things.Delete(noun, "b");
            throw new InvalidOperationException("the verb failed after writing");
        }));

        await db.Db.SearchIndex.EmbedPendingAsync(noun, embeddings, CancellationToken.None);
        Assert.Equal(before, db.Db.SearchIndex.Nearest(noun, cat, 2));
    }
}
