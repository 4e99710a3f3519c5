using System.Net;
using Do.AspNetCore.Tests.Support;
using Do.Tests.Support;

namespace Do.AspNetCore.Tests;

/// <summary>The generated DSL, unchanged, against a real Kestrel through <c>DoClient</c>.</summary>
public sealed class TypedClientTests : IAsyncLifetime
{
    private DoServer _server = null!;

    public async Task InitializeAsync() => _server = await DoServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Create_verb_get_at_an_ancestor_and_history_through_the_typed_client()
    {
        var studio = _server.Client().Object<Studio>("https://startups.studio/typed");

        await studio.Startups.Create("acme", new Startup { Name = "Acme" });
        await studio.Startup("acme").Prioritize(2);
        await studio.Startup("acme").Tag("ai");
        var now = await studio.Startup("acme").Get();
        var before = await studio.Startup("acme@~1").Get();
        var history = await studio.Startup("acme").History();
        var all = await studio.Startups.List();
        var diff = await studio.Startups.Diff("acme@~2", "acme");

        Assert.Equal(2, now.Priority);
        Assert.Equal(["ai"], now.Tags);
        Assert.Equal(2, before.Priority);
        Assert.Empty(before.Tags);
        Assert.Equal(["Tag", "Prioritize", "create"], history.Select(v => v.Verb));
        Assert.Equal(["Acme"], all.Select(s => s.Name));
        Assert.Equal(["priority", "tags"], diff.Select(c => c.Field).Order());
        Assert.Null(await studio.Startup("nobody").Find());

        // The server's own host sees the same object: the calls really went there.
        var local = await _server.Host.Object<Studio>("https://startups.studio/typed").Startup("acme").Get();
        Assert.Equal(2, local.Priority);
    }

    [Fact]
    public async Task Branch_checkout_and_merge_through_the_typed_client()
    {
        var studio = _server.Client().Object<Studio>("https://startups.studio/branches");
        await studio.Startups.Create("acme", new Startup { Name = "Acme" });

        await studio.Branch("pivot");
        await studio.Checkout("pivot");
        await studio.Startup("acme").Prioritize(5);
        Assert.Equal("pivot", await studio.CheckedOut());
        await studio.Checkout("main");
        var onMain = await studio.Startup("acme").Get();
        var merge = await studio.Merge("pivot");
        var merged = await studio.Startup("acme").Get();

        Assert.Equal(["main", "pivot"], await studio.Branches());
        Assert.Equal(0, onMain.Priority);
        Assert.Equal(1, merge.Changed);
        Assert.Equal(5, merged.Priority);
    }

    [Fact]
    public async Task A_merge_conflict_comes_back_as_MergeConflictException_listing_the_field_and_writes_nothing()
    {
        var studio = _server.Client().Object<Studio>("https://startups.studio/conflict");
        await studio.Startups.Create("acme", new Startup { Name = "Acme" });
        await studio.Branch("left");
        await studio.Startup("acme").Prioritize(1);
        await studio.Checkout("left");
        await studio.Startup("acme").Prioritize(7);
        await studio.Checkout("main");

        var e = await Assert.ThrowsAsync<MergeConflictException>(() => studio.Merge("left"));

        Assert.Equal("left", e.Branch);
        Assert.Equal("priority", Assert.Single(e.Conflicts).Field);
        Assert.Contains("nothing was written", e.Message, StringComparison.Ordinal);
        Assert.Equal(1, (await studio.Startup("acme").Get()).Priority);
    }

    [Fact]
    public async Task A_failing_verb_is_422_and_comes_back_as_ActionFailedException_with_its_message()
    {
        var studio = _server.Client().Object<Studio>("https://startups.studio/failing");
        await studio.Startups.Create("acme", new Startup { Name = "Acme" });

        var e = await Assert.ThrowsAsync<ActionFailedException>(() => studio.Startup("acme").Launch());

        Assert.Contains("the launch pad for Acme is on fire", e.Message, StringComparison.Ordinal);
        Assert.Equal("Launch", e.Verb);
        Assert.Equal("acme", e.Target);
        Assert.Equal(1, e.Attempts);
        Assert.Contains("the launch pad for Acme is on fire", e.InnerException!.Message, StringComparison.Ordinal);
        using var http = _server.Http();
        using var raw = await http.PostAsync("/do/" + Uri.EscapeDataString("https://startups.studio/failing") + "/things/Startup/acme/Launch", null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, raw.StatusCode);
        Assert.Equal("application/problem+json", raw.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_bad_ref_is_400_whose_message_names_it_and_a_missing_thing_is_404()
    {
        var studio = _server.Client().Object<Studio>("https://startups.studio/bad-ref");
        await studio.Startups.Create("acme", new Startup { Name = "Acme" });
        using var http = _server.Http();

        using var raw = await http.GetAsync("/do/" + Uri.EscapeDataString("https://startups.studio/bad-ref") + "/things/Startup/" + Uri.EscapeDataString("acme@v"));
        var body = await raw.Content.ReadAsStringAsync();
        var missing = await Assert.ThrowsAsync<ThingNotFoundException>(() => studio.Startup("nobody").Get());
        var local = await Assert.ThrowsAsync<ThingNotFoundException>(() => _server.Host.Object<Studio>("https://startups.studio/bad-ref").Startup("nobody").Get());
        var exists = await Assert.ThrowsAsync<ThingAlreadyExistsException>(() => studio.Startups.Create("acme", new Startup()));

        Assert.Equal(HttpStatusCode.BadRequest, raw.StatusCode);
        Assert.Contains("\\u0022acme@v\\u0022 is not a valid ref", body, StringComparison.Ordinal);
        Assert.Contains("\"exception\":\"InvalidRefException\"", body, StringComparison.Ordinal);
        Assert.Equal(local.Message, missing.Message);
        Assert.Equal("Startup", missing.Noun);
        Assert.Equal("nobody", missing.Reference);
        Assert.Contains("already exists", exists.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_ref_sent_by_the_server_is_rethrown_as_InvalidRefException_with_the_same_message()
    {
        var studio = _server.Client().Object<Studio>("https://startups.studio/bad-ref-typed");
        await studio.Startups.Create("acme", new Startup { Name = "Acme" });
        var local = Assert.Throws<InvalidRefException>(() => Ref.Parse("acme@2026-13-45"));

        // The client parses refs before sending, so a diff (whose refs only the server parses) shows the round trip.
        var remote = await Assert.ThrowsAsync<InvalidRefException>(() => studio.Startups.Diff("acme@2026-13-45", "acme"));

        Assert.Equal(local.Message, remote.Message);
        Assert.Equal("acme@2026-13-45", remote.Value);
    }

    [Fact]
    public async Task A_write_on_a_read_only_view_is_409_and_comes_back_as_DetachedWriteException()
    {
        var studio = _server.Client().Object<Studio>("https://startups.studio/detached");
        await studio.Startups.Create("acme", new Startup { Name = "Acme" });
        await studio.Startup("acme").Prioritize();
        await studio.Checkout("@~1");

        var e = await Assert.ThrowsAsync<DetachedWriteException>(() => studio.Startup("acme").Prioritize());

        Assert.Equal("https://startups.studio/detached", e.Namespace);
        Assert.Contains("read-only view", e.Message, StringComparison.Ordinal);
        await studio.Checkout("main");
        Assert.Equal(1, (await studio.Startup("acme").Get()).Priority);
    }

    [Fact]
    public async Task A_thousand_concurrent_verb_calls_over_http_lose_no_update()
    {
        var studio = _server.Client().Object<Studio>("https://startups.studio/concurrent");
        await studio.Startups.Create("acme", new Startup { Name = "Acme" });

        await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => studio.Startup("acme").Prioritize()));

        Assert.Equal(1000, (await studio.Startup("acme").Get()).Priority);
        Assert.Equal(1001, (await studio.Startup("acme").History()).Count);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_and_writes_nothing()
    {
        await using var server = await DoServer.StartAsync(maxBody: 1024);
        var studio = server.Client().Object<Studio>("https://startups.studio/limits");

        var e = await Assert.ThrowsAsync<Client.DoRemoteException>(() => studio.Startups.Create("acme", new Startup { Name = new string('x', 4096) }));

        Assert.Equal(413, e.StatusCode);
        Assert.Null(await studio.Startup("acme").Find());
    }

    [Fact]
    public async Task The_rate_limiter_policy_applies_to_object_endpoints()
    {
        await using var server = await DoServer.StartAsync(permits: 2);
        var studio = server.Client().Object<Studio>("https://startups.studio/limited");

        await studio.Startups.Create("acme", new Startup { Name = "Acme" });
        await studio.Startup("acme").Prioritize();
        var e = await Assert.ThrowsAsync<Client.DoRemoteException>(() => studio.Startup("acme").Prioritize());

        Assert.Equal(429, e.StatusCode);
        Assert.Equal(1, (await server.Host.Object<Studio>("https://startups.studio/limited").Startup("acme").Get()).Priority);
    }

    [Fact]
    public async Task A_cancelled_call_is_cancelled_at_the_client()
    {
        var studio = _server.Client().Object<Studio>("https://startups.studio/cancelled");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => studio.Startups.Create("acme", new Startup(), cancelled.Token));
    }
}
