using Do.AspNetCore.Tests.Support;

namespace Do.AspNetCore.Tests;

/// <summary>Relationships and search over HTTP through the typed client, the same calls as in-process.</summary>
public sealed class GraphTests : IAsyncLifetime
{
    private DoServer _server = null!;

    public async Task InitializeAsync() => _server = await DoServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Relate_related_and_unrelate_across_two_objects_over_http()
    {
        var client = _server.Client();
        var studio = client.Object<Studio>("https://startups.studio/graph");
        var people = client.Object<Studio>("https://startups.studio/people");
        await studio.Startups.Create("acme", new Startup { Name = "Acme" });
        await people.Founders.Create("ada", new Founder { Name = "Ada" });

        Assert.True(await studio.Startup("acme").Relate("foundedBy", people.Founder("ada"), """{"year":2026}"""));
        Assert.False(await studio.Startup("acme").Relate("foundedBy", people.Founder("ada"), """{"year":2026}"""));
        var founders = await studio.Startup("acme").Related<Founder>("foundedBy");
        var startups = await people.Founder("ada").RelatedFrom<Startup>();

        var founder = Assert.Single(founders);
        Assert.Equal(("https://startups.studio/people/ada", "Ada", """{"year":2026}"""), (founder.Id, founder.Value!.Name, founder.Data));
        Assert.Equal("Acme", Assert.Single(startups).Value!.Name);

        Assert.True(await studio.Startup("acme").Unrelate("foundedBy", people.Founder("ada")));
        Assert.Empty(await studio.Startup("acme").Related<Founder>());
        Assert.Empty(await people.Founder("ada").RelatedFrom<Startup>());
    }

    [Fact]
    public async Task Relating_a_missing_thing_is_a_404_naming_it()
    {
        var studio = _server.Client().Object<Studio>("https://startups.studio/graph-missing");
        await studio.Founders.Create("ada", new Founder { Name = "Ada" });

        var e = await Assert.ThrowsAsync<ThingNotFoundException>(() => studio.Startup("ghost").Relate("foundedBy", studio.Founder("ada")));

        Assert.Contains("ghost", e.Message, StringComparison.Ordinal);
        Assert.Empty(await studio.Founder("ada").RelatedFrom<Startup>());
    }

    [Fact]
    public async Task Full_text_search_over_http_ranks_and_returns_typed_hits()
    {
        var studio = _server.Client().Object<Studio>("https://startups.studio/search");
        await studio.Founders.Create("ada", new Founder { Name = "Ada Lovelace" });
        await studio.Founders.Create("alan", new Founder { Name = "Alan Turing" });
        await studio.Founders.Create("grace", new Founder { Name = "Grace Hopper" });

        var hits = await studio.Founders.Search("a*");
        var turing = await studio.Founders.Search("turing");

        Assert.Equal(["https://startups.studio/search/ada", "https://startups.studio/search/alan"], hits.Select(h => h.Id).Order());
        Assert.Equal("Alan Turing", Assert.Single(turing).Value.Name);
        var blank = await Assert.ThrowsAsync<ArgumentException>(() => studio.Founders.Search("  "));
        Assert.Contains("\"  \"", blank.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => studio.Founders.SimilarTo("a mathematician"));
    }
}
