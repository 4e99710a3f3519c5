using Do.Infrastructure;
using Do.Tests.Support;

namespace Do.Tests.Nouns;

// The registry is process-wide: every noun here has a name no other test uses, so the ambiguity these tests create
// stays theirs.
public sealed class DoRegistryTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static NounInfo Noun(string name, string? typeUrl)
        => new(name, name + "s", typeUrl, [new NounProperty("Name", "name", "TEXT", false)], [new VerbInfo("Ping", "pinged", IsAsync: false)], []);

    private static NounVerbDispatcher Dispatcher(string tag) => (state, verb, input, ctx) => ValueTask.FromResult(new VerbResult($"{{\"name\":\"{tag}\"}}", null));

    [Fact]
    public void Two_assemblies_declaring_a_noun_of_one_name_both_stay_registered_under_their_type_urls()
    {
        var alpha = Noun("RegistryStartup", null);                                   // assembly A: default type URL
        var beta = Noun("RegistryStartup", "https://beta.example/types/RegistryStartup"); // assembly B: its own
        var alphaDispatch = Dispatcher("alpha");
        var betaDispatch = Dispatcher("beta");

        DoRegistry.Register([alpha], [], new Dictionary<string, NounVerbDispatcher> { ["RegistryStartup"] = alphaDispatch });
        DoRegistry.Register([beta], [], new Dictionary<string, NounVerbDispatcher> { ["RegistryStartup"] = betaDispatch });

        Assert.Contains(alpha, DoRegistry.Nouns);
        Assert.Contains(beta, DoRegistry.Nouns);
        Assert.Same(alpha, DoRegistry.FindNounByTypeUrl("{ns}/RegistryStartup"));
        Assert.Same(alpha, DoRegistry.FindNounByTypeUrl("https://studio.example/RegistryStartup", ObjectNamespace.Parse("https://studio.example")));
        Assert.Same(beta, DoRegistry.FindNounByTypeUrl("https://beta.example/types/RegistryStartup"));
        Assert.Null(DoRegistry.FindNounByTypeUrl("https://gamma.example/RegistryStartup"));
        Assert.Same(alphaDispatch, DoRegistry.FindDispatcher(alpha));
        Assert.Same(betaDispatch, DoRegistry.FindDispatcher(beta));
    }

    [Fact]
    public void A_lookup_by_an_ambiguous_short_name_fails_listing_every_type_url()
    {
        DoRegistry.Register([Noun("RegistryCustomer", "https://a.example/RegistryCustomer")], []);
        DoRegistry.Register([Noun("RegistryCustomer", "https://b.example/RegistryCustomer")], []);

        var error = Assert.Throws<AmbiguousNounException>(() => DoRegistry.FindNoun("RegistryCustomer"));
        Assert.Equal("RegistryCustomer", error.Name);
        Assert.Equal(["https://a.example/RegistryCustomer", "https://b.example/RegistryCustomer"], error.TypeUrls);
        Assert.Contains("https://a.example/RegistryCustomer", error.Message, StringComparison.Ordinal);
        Assert.Contains("https://b.example/RegistryCustomer", error.Message, StringComparison.Ordinal);
        Assert.Throws<AmbiguousNounException>(() => DoRegistry.FindDispatcher("RegistryCustomer"));
    }

    [Fact]
    public void Two_nouns_claiming_one_type_url_are_reported_not_overwritten()
    {
        var first = Noun("RegistryLead", null);
        var second = Noun("RegistryLead", null);
        DoRegistry.Register([first], []);
        DoRegistry.Register([second], []);

        var error = Assert.Throws<AmbiguousNounException>(() => DoRegistry.FindNounByTypeUrl("{ns}/RegistryLead"));
        Assert.Equal(["{ns}/RegistryLead", "{ns}/RegistryLead"], error.TypeUrls);
        Assert.Contains("[Noun(Type =", error.Message, StringComparison.Ordinal);
        Assert.Contains(first, DoRegistry.Nouns);
        Assert.Contains(second, DoRegistry.Nouns);
    }

    [Fact]
    public void Registering_the_same_noun_again_changes_nothing()
    {
        var noun = Noun("RegistryInvoice", "https://c.example/RegistryInvoice");
        DoRegistry.Register([noun], []);
        DoRegistry.Register([noun], []);

        Assert.Same(noun, DoRegistry.FindNoun("RegistryInvoice"));
        Assert.Single(DoRegistry.Nouns, n => n.Name == "RegistryInvoice");
    }

    [Fact]
    public async Task Invoking_a_verb_by_an_ambiguous_noun_name_fails_before_touching_the_object()
    {
        DoRegistry.Register([Noun("RegistryDeal", "https://a.example/RegistryDeal")], [], new Dictionary<string, NounVerbDispatcher> { ["RegistryDeal"] = Dispatcher("a") });
        DoRegistry.Register([Noun("RegistryDeal", "https://b.example/RegistryDeal")], [], new Dictionary<string, NounVerbDispatcher> { ["RegistryDeal"] = Dispatcher("b") });
        await using var host = await DoHost.StartAsync(o => o.DataPath = _temp.File("data"));
        var obj = host.Object<Business>("https://studio.example");
        await obj.Startups().Create("acme", new Startup { Name = "Acme" });
        var file = await obj.DatabasePath();
        var actions = Sql.Count(file, "actions");

        var error = await Assert.ThrowsAsync<AmbiguousNounException>(() => obj.InvokeVerb("RegistryDeal", "acme", "Ping"));

        Assert.Contains("https://b.example/RegistryDeal", error.Message, StringComparison.Ordinal);
        Assert.Equal(actions, Sql.Count(file, "actions"));
    }
}
