using Do.Tests.Support;

namespace Do.Tests.Execution;

public sealed class CrossObjectTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>When a customer is created here, prioritizes a startup held by another object, by its full URL.</summary>
    private sealed class Scout : Business
    {
        protected override void Configure(Context ctx)
            => ctx.On.Subscribe<Customer>("Customer.created", (_, c) => c.Startup("https://portfolio.example/acme").Prioritize(5));
    }

    [Fact]
    public async Task A_handler_calls_a_verb_on_a_thing_in_another_object_as_a_turn_of_that_object()
    {
        await using var host = await DoHost.StartAsync(o => o.DataPath = _temp.Path);
        var portfolio = host.Object<Business>("https://portfolio.example");
        await portfolio.Startups().Create("acme", new Startup { Name = "Acme" });

        await host.Object<Scout>("https://scout.example").Customers().Create("bob", new Customer { Name = "Bob" });

        Assert.Equal(5, (await portfolio.Startup("acme").Get()).Priority);
        var action = await portfolio.Run(ctx => ctx.Actions.List(target: "acme")[0]);
        Assert.Equal("Prioritize", action.Verb); // recorded in the other object's own action log
        Assert.Empty(await host.Object<Scout>("https://scout.example").Run(ctx => ctx.Things.List("Startup")));
    }

    [Fact]
    public async Task A_full_url_ref_to_an_object_the_host_never_created_fails_clearly()
    {
        await using var host = await DoHost.StartAsync(o => o.DataPath = _temp.Path);
        var scout = host.Object<Business>("https://scout.example");

        var error = await Assert.ThrowsAsync<ObjectNotFoundException>(() => scout.Startup("https://nowhere.example/acme").Get());

        Assert.Contains("https://nowhere.example", error.Message, StringComparison.Ordinal);
    }
}
