using Do.Tests.Support;

namespace Do.Tests.Generated.ValueVerbs;

/// <summary>A verb that returns a value gets a typed client method that returns it, and the value is the action's output.</summary>
public sealed class ValueVerbsTests : IAsyncLifetime
{
    private readonly TempFolder _temp = new();
    private DoHost _host = null!;

    public async Task InitializeAsync() => _host = await DoHost.StartAsync(o => o.DataPath = _temp.Path);

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _temp.Dispose();
    }

    [Fact]
    public async Task A_sync_verb_returns_its_value_and_records_it_as_the_actions_output()
    {
        var till = _host.Object<Till>("https://shop.example/eu");
        await till.Invoices.Create("inv-1", new Invoice { Amount = 10m });

        int count = await till.Invoice("inv-1").AddLine("tea", 2.5m);
        int again = await till.Invoice("inv-1").AddLine("cake", 4m);
        decimal total = await till.Invoice("inv-1").Total();

        Assert.Equal(1, count);
        Assert.Equal(2, again);
        Assert.Equal(16.5m, total);
        var outputs = await till.Run(ctx => ctx.Actions.List(target: "inv-1").Select(a => (a.Verb, a.Output)).ToList());
        Assert.Equal(("Total", "{\"value\":16.5}"), outputs[0]);
        Assert.Equal(("AddLine", "{\"value\":2}"), outputs[1]);
    }

    [Fact]
    public async Task An_async_verb_returns_its_value_through_the_durable_path()
    {
        var till = _host.Object<Till>("https://shop.example/eu");
        await till.Invoices.Create("inv-2", new Invoice { Amount = 10m });

        Quote quote = await till.Invoice("inv-2").Price();
        Quote tried = await till.Invoice("inv-2").AsTry().Price();

        Assert.Equal(new Quote(12.0m, "EUR"), quote);
        Assert.Equal(quote, tried);
        var actions = await till.Run(ctx => ctx.Actions.List(target: "inv-2").Where(a => a.Verb == "Price").ToList());
        Assert.All(actions, a => Assert.Equal("{\"value\":{\"amount\":12.0,\"currency\":\"EUR\"}}", a.Output));
    }

    [Fact]
    public async Task An_object_level_verb_returns_its_value()
    {
        var till = _host.Object<Till>("https://shop.example/us");

        Assert.Equal(2, await till.Open(2));
        Assert.Equal(5, await till.Open(3));
    }

    [Fact]
    public async Task A_value_crosses_a_transport_as_json()
    {
        var local = _host.Object<Till>("https://shop.example/wire");
        await local.Invoices.Create("inv-3", new Invoice { Amount = 3m });
        var remote = new ObjectClient<Till>(new ByNameTransport(local.Transport));

        Assert.Equal(1, await remote.Invoice("inv-3").AddLine("tea", 1m));
        Assert.Equal(4m, await remote.Invoice("inv-3").Total());
        Assert.Equal(4, await remote.Open(4));
    }

    /// <summary>Drops the in-process delegates, as any transport that crosses a process boundary must.</summary>
    private sealed class ByNameTransport(Do.Transport.IObjectTransport inner) : ForwardingTransport(inner)
    {
        public override Task<string?> InvokeAsync(Do.Transport.VerbCall call, CancellationToken cancellationToken)
            => Inner.InvokeAsync(new Do.Transport.VerbCall { Noun = call.Noun, Id = call.Id, Verb = call.Verb, InputJson = call.InputJson, Durability = call.Durability }, cancellationToken);
    }
}
