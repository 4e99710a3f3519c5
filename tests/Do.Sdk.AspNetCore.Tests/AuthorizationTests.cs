using System.Net;
using Do.AspNetCore.Tests.Support;

namespace Do.AspNetCore.Tests;

/// <summary>Who reaches which object: do:ns claims from ASP.NET Core authentication, 401 and 403 otherwise.</summary>
public sealed class AuthorizationTests : IAsyncLifetime
{
    private static readonly string Studio = "/do/" + Uri.EscapeDataString("https://startups.studio/auth") + "/things/Startup";

    private DoServer _server = null!;

    public async Task InitializeAsync() => _server = await DoServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Without_credentials_a_call_is_401_and_the_typed_client_throws_UnauthorizedAccessException()
    {
        using var http = _server.Http(key: null);

        using var raw = await http.GetAsync(Studio);
        var typed = await Assert.ThrowsAsync<UnauthorizedAccessException>(() => _server.Client(key: null).Object<Studio>("https://startups.studio/auth").Startups.List());

        Assert.Equal(HttpStatusCode.Unauthorized, raw.StatusCode);
        Assert.Equal("application/problem+json", raw.Content.Headers.ContentType?.MediaType);
        Assert.Contains("authenticated", typed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_key_is_401()
    {
        using var http = _server.Http(key: "not-a-key");

        using var raw = await http.GetAsync(Studio);

        Assert.Equal(HttpStatusCode.Unauthorized, raw.StatusCode);
    }

    [Fact]
    public async Task A_namespace_the_key_does_not_grant_is_403_and_nothing_is_created()
    {
        using var http = _server.Http(DoServer.ElsewhereKey);

        using var raw = await http.PostAsync(Studio + "/acme", new StringContent("{\"Name\":\"Acme\"}", System.Text.Encoding.UTF8, "application/json"));
        var typed = await Assert.ThrowsAsync<UnauthorizedAccessException>(() => _server.Client(DoServer.ElsewhereKey).Object<Studio>("https://startups.studio/auth").Startups.List());

        Assert.Equal(HttpStatusCode.Forbidden, raw.StatusCode);
        Assert.Contains("https://startups.studio/auth", typed.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_server.Host.Catalog(), e => e.Namespace == "https://startups.studio/auth");
    }

    [Fact]
    public async Task A_granted_key_reaches_the_object_and_a_pattern_grants_what_it_matches()
    {
        await _server.Client(DoServer.ElsewhereKey).Object<Studio>("https://elsewhere.example").Startups.Create("acme", new Startup { Name = "Acme" });
        var listed = await _server.Client().Object<Studio>("https://startups.studio/auth/eu").Startups.List();

        Assert.Empty(listed);
        Assert.Equal("Acme", (await _server.Host.Object<Studio>("https://elsewhere.example").Startup("acme").Get()).Name);
    }

    [Fact]
    public async Task Forking_needs_a_grant_on_the_new_namespace_too()
    {
        var studio = _server.Client().Object<Studio>("https://startups.studio/fork-source");
        await studio.Startups.Create("acme", new Startup { Name = "Acme" });

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => studio.Fork("https://elsewhere.example/stolen"));
        var fork = await studio.Fork("https://startups.studio/fork-copy");

        Assert.Equal("Acme", (await fork.Ref<Startup>("acme").Get()).Name);
    }

    [Fact]
    public async Task Anonymous_access_works_only_when_mapped_explicitly()
    {
        await using var open = await DoServer.StartAsync(o => o.AllowAnonymous = true);
        var studio = open.Client(key: null).Object<Studio>("https://anyone.example");

        await studio.Startups.Create("acme", new Startup { Name = "Acme" });

        Assert.Equal("Acme", (await studio.Startup("acme").Get()).Name);
    }

    [Theory]
    [InlineData("https://startups.studio", "https://startups.studio", true)]
    [InlineData("https://startups.studio/", "https://startups.studio", true)]
    [InlineData("https://startups.studio", "https://startups.studio/eu", false)]
    [InlineData("https://*.example", "https://acme.example", true)]
    [InlineData("https://*.example", "https://a.b.example", true)]
    [InlineData("https://*.example", "https://acme.example/eu", false)]
    [InlineData("https://*.example", "https://acme.example.evil", false)]
    [InlineData("https://*.example", "http://acme.example", false)]
    [InlineData("https://acme.example/**", "https://acme.example/eu/tenants", true)]
    [InlineData("https://acme.example/**", "https://acme.example", false)]
    [InlineData("https://acme.example/*", "https://acme.example/eu", true)]
    [InlineData("https://acme.example/*", "https://acme.example/eu/x", false)]
    public void A_grant_matches_a_namespace_exactly_or_by_pattern(string pattern, string ns, bool granted)
        => Assert.Equal(granted, DoNamespaceAuthorization.Matches(pattern, ns));
}
