using Do.Storage;
using Do.Tests.Support;

namespace Do.Tests.Storage;

public sealed class SearchStoreTests : IDisposable
{
    private readonly TestDatabase _test = new();

    private SearchStore Search => _test.Db.Search;

    public void Dispose() => _test.Dispose();

    [Fact]
    public void Query_MatchesEveryWordAsAPrefix_CaseInsensitively()
    {
        Search.Index("Startup", "acme", "Acme builds reusable rockets");
        Search.Index("Startup", "globex", "Globex builds batteries");
        Search.Index("Customer", "alice", "Alice likes rockets");

        Assert.Equal(["acme"], Search.Query("ROCK acm").Select(h => h.ThingId));
        Assert.Equal(["acme", "globex"], Search.Query("builds").Select(h => h.ThingId).Order());
        Assert.Equal(["Customer", "Startup"], Search.Query("rockets").Select(h => h.Noun).Order());
        Assert.Empty(Search.Query("rockets batteries"));
    }

    [Fact]
    public void Query_ReturnsASnippetWithTheHitsMarked_BestFirst()
    {
        Search.Index("Startup", "acme", "Acme makes rockets");
        Search.Index("Startup", "rocketco", "rockets rockets rockets");

        var hits = Search.Query("rockets");

        Assert.Equal("rocketco", hits[0].ThingId);
        Assert.True(hits[0].Rank <= hits[1].Rank);
        Assert.Equal("Acme makes [rockets]", hits.Single(h => h.ThingId == "acme").Snippet);
    }

    [Fact]
    public void Index_Again_ReplacesTheThingsText()
    {
        Search.Index("Startup", "acme", "rockets");

        Search.Index("Startup", "acme", "submarines");

        Assert.Empty(Search.Query("rockets"));
        Assert.Equal(["acme"], Search.Query("submarine").Select(h => h.ThingId));
        Assert.Equal(1, Sql.Count(_test.Path, "search"));
    }

    [Fact]
    public void Index_SameIdInTwoNouns_AreSeparateEntries()
    {
        Search.Index("Startup", "acme", "rockets");
        Search.Index("Customer", "acme", "rockets");

        Search.Index("Customer", "acme", "boats");

        Assert.Equal(["Startup"], Search.Query("rockets").Select(h => h.Noun));
    }

    [Fact]
    public void Index_RejectsBadNounIdOrContent()
    {
        Assert.Throws<ArgumentException>(() => Search.Index("not a noun", "acme", "x"));
        Assert.Throws<InvalidThingIdException>(() => Search.Index("Startup", "a/b", "x"));
        Assert.Throws<ArgumentNullException>(() => Search.Index("Startup", "acme", null!));
    }

    [Fact]
    public void Remove_TakesTheThingOutOfTheIndex_AndSaysWhetherItWasThere()
    {
        Search.Index("Startup", "acme", "rockets");

        Assert.True(Search.Remove("Startup", "acme"));
        Assert.False(Search.Remove("Startup", "acme"));
        Assert.Empty(Search.Query("rockets"));
    }

    [Theory]
    [InlineData("\"a\" OR b*(")]
    [InlineData("NEAR(a b)")]
    [InlineData("a AND NOT b")]
    [InlineData("content:rockets")]
    [InlineData("^rock")]
    [InlineData("( ) * - + : ^")]
    [InlineData("\"\"\"")]
    [InlineData("rock\"ets")]
    [InlineData("'; DROP TABLE search; --")]
    public void Query_FtsSyntaxInUserText_IsTreatedAsWords(string text)
    {
        Search.Index("Startup", "acme", "Acme builds rockets and boats");

        var hits = Search.Query(text);

        Assert.NotNull(hits);
        Assert.Equal(1, Sql.Count(_test.Path, "search"));
    }

    [Fact]
    public void Query_OperatorsAreMatchedAsPlainWords()
    {
        Search.Index("Startup", "acme", "rockets OR boats");
        Search.Index("Startup", "globex", "rockets");

        Assert.Equal(["acme"], Search.Query("rockets OR").Select(h => h.ThingId));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"\"")]
    public void Query_WithNoWords_ReturnsNothing(string text)
    {
        Search.Index("Startup", "acme", "rockets");

        Assert.Empty(Search.Query(text));
    }

    [Fact]
    public void Query_HonoursTheLimit()
    {
        for (int i = 0; i < 5; i++)
        {
            Search.Index("Startup", "s" + i, "rockets");
        }

        Assert.Equal(2, Search.Query("rockets", limit: 2).Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => Search.Query("rockets", limit: 0));
    }
}
