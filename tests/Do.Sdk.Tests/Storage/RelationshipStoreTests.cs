using Do.Storage;
using Do.Tests.Support;

namespace Do.Tests.Storage;

public sealed class RelationshipStoreTests : IDisposable
{
    private readonly TestDatabase _test = new();

    private RelationshipStore Relationships => _test.Db.Relationships;

    public void Dispose() => _test.Dispose();

    [Fact]
    public void Link_AddsAnEdge_WithDataAndTime()
    {
        var edge = Relationships.Link("alice", "founded", "acme", """{"year":2026}""");

        Assert.Equal("alice", edge.From);
        Assert.Equal("founded", edge.Type);
        Assert.Equal("acme", edge.To);
        Assert.Equal("""{"year":2026}""", edge.Data);
        Assert.Equal(TestDatabase.Start, edge.CreatedAt);
        Assert.Equal([edge], Relationships.From("alice"));
    }

    [Fact]
    public void Link_IsIdempotent_ReturningTheExistingEdge()
    {
        var first = Relationships.Link("alice", "founded", "acme");
        _test.Time.Advance(TimeSpan.FromHours(1));

        var second = Relationships.Link("alice", "founded", "acme", """{"again":true}""");

        Assert.Equal(first, second);
        Assert.Equal(1, Sql.Count(_test.Path, "relationships"));
    }

    [Fact]
    public void Link_ToAnotherObjectByUrl_IsAllowed()
    {
        var edge = Relationships.Link("acme", "invested-by", "https://vc.example/fund-1");

        Assert.Equal([edge], Relationships.To("https://vc.example/fund-1"));
    }

    [Theory]
    [InlineData("", "owns", "b")]
    [InlineData("a", " ", "b")]
    [InlineData("a", "owns", "")]
    public void Link_WithAnEmptyEndOrType_Throws(string from, string type, string to)
    {
        Assert.ThrowsAny<ArgumentException>(() => Relationships.Link(from, type, to));
        Assert.Equal(0, Sql.Count(_test.Path, "relationships"));
    }

    [Fact]
    public void Link_WithDataThatIsNotAJsonObject_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => Relationships.Link("a", "owns", "b", "{oops"));

        Assert.Equal("data", e.ParamName);
        Assert.Equal(0, Sql.Count(_test.Path, "relationships"));
    }

    [Fact]
    public void Unlink_RemovesTheEdge_AndSaysWhetherItExisted()
    {
        Relationships.Link("alice", "founded", "acme");
        Relationships.Link("alice", "advises", "acme");

        Assert.True(Relationships.Unlink("alice", "founded", "acme"));
        Assert.False(Relationships.Unlink("alice", "founded", "acme"));
        Assert.False(Relationships.Unlink("bob", "founded", "acme"));
        Assert.Equal(["advises"], Relationships.From("alice").Select(r => r.Type));
    }

    [Fact]
    public void FromAndTo_FilterByEndAndOptionallyType_InLinkOrder()
    {
        Relationships.Link("alice", "founded", "acme");
        Relationships.Link("alice", "advises", "globex");
        Relationships.Link("bob", "founded", "globex");
        Relationships.Link("alice", "founded", "initech");

        Assert.Equal(["acme", "globex", "initech"], Relationships.From("alice").Select(r => r.To));
        Assert.Equal(["acme", "initech"], Relationships.From("alice", "founded").Select(r => r.To));
        Assert.Equal(["alice", "bob"], Relationships.To("globex").Select(r => r.From));
        Assert.Equal(["bob"], Relationships.To("globex", "founded").Select(r => r.From));
        Assert.Empty(Relationships.From("carol"));
        Assert.Empty(Relationships.To("acme", "advises"));
    }

    [Fact]
    public void Edges_SurviveReopening()
    {
        Relationships.Link("alice", "founded", "acme");

        var db = _test.Reopen();

        Assert.Single(db.Relationships.From("alice"));
    }
}
