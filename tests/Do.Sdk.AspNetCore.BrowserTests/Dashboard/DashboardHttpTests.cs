using System.Net;
using Do.AspNetCore.BrowserTests.Support;
using Do.Tests.Support;

namespace Do.AspNetCore.BrowserTests.Dashboard;

/// <summary>The dashboard's rules as plain HTTP sees them: the API's authorization, escaped data, refused forgeries.</summary>
public sealed class DashboardHttpTests : IAsyncLifetime
{
    private DashboardServer _server = null!;

    public async Task InitializeAsync() => _server = await DashboardServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Without_credentials_every_page_is_401_with_how_to_sign_in_but_the_stylesheet_loads()
    {
        await _server.Client().Object<Studio>("https://startups.studio").Startups.Create("acme", new Startup { Name = "Acme" });
        using var http = _server.Http(key: null);

        var home = await http.GetAsync("/do/ui/");
        var thing = await http.GetAsync("/do/ui/o/https%3A%2F%2Fstartups.studio/things/Startup/acme");
        var css = await http.GetAsync("/do/ui/assets/dashboard.css");

        Assert.Equal(HttpStatusCode.Unauthorized, home.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, thing.StatusCode);
        Assert.Contains("do:ns", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("Acme", await thing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_visitor_sees_only_the_objects_granted_and_gets_403_on_the_others()
    {
        await _server.Client().Object<Studio>("https://startups.studio").Startups.Create("acme", new Startup { Name = "Acme" });
        await _server.Client(DashboardServer.ElsewhereKey).Object<Studio>("https://elsewhere.example").Startups.Create("other", new Startup { Name = "Other" });
        using var elsewhere = _server.Http(DashboardServer.ElsewhereKey);

        var home = await (await elsewhere.GetAsync("/do/ui/")).Content.ReadAsStringAsync();
        var denied = await elsewhere.GetAsync("/do/ui/o/https%3A%2F%2Fstartups.studio");

        Assert.Contains("https://elsewhere.example", home, StringComparison.Ordinal);
        Assert.DoesNotContain("/o/https%3A%2F%2Fstartups.studio", home, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("not granted https://startups.studio", await denied.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_object_is_404_and_looking_does_not_create_it()
    {
        using var http = _server.Http();

        var response = await http.GetAsync("/do/ui/o/https%3A%2F%2Fstartups.studio%2Fnobody/events");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("no object https://startups.studio/nobody", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(_server.Host.Catalog(), e => e.Namespace == "https://startups.studio/nobody");
    }

    [Fact]
    public async Task Data_from_objects_is_escaped_so_it_never_becomes_markup()
    {
        const string Evil = "<script>alert('owned')</script>";
        var studio = _server.Client().Object<Studio>("https://startups.studio");
        await studio.Startups.Create("acme", new Startup { Name = Evil });
        await studio.Startup("acme").Tag("\"><img src=x onerror=alert(1)>");
        using var http = _server.Http();

        var list = await (await http.GetAsync("/do/ui/o/https%3A%2F%2Fstartups.studio")).Content.ReadAsStringAsync();
        var thing = await (await http.GetAsync("/do/ui/o/https%3A%2F%2Fstartups.studio/things/Startup/acme")).Content.ReadAsStringAsync();

        foreach (var page in new[] { list, thing })
        {
            Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
            Assert.DoesNotContain("<img src=x", page, StringComparison.Ordinal);
            Assert.Contains("&lt;script&gt;", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_replay_posted_from_another_site_is_refused_and_the_dead_letter_still_waits()
    {
        const string Ns = "https://startups.studio/forged";
        Studio.Broken[Ns] = true;
        var studio = _server.Client().Object<Studio>(Ns);
        await studio.Startups.Create("acme", new Startup { Name = "Acme" });
        await studio.Startup("acme").Prioritize();
        await Wait.UntilAsync(async () => (await studio.DeadLetters()).Count == 1, "the broken handler dead-lettered the event");
        Studio.Broken.TryRemove(Ns, out _);
        var letter = (await studio.DeadLetters())[0];
        using var http = _server.Http();
        using var forged = new HttpRequestMessage(HttpMethod.Post, $"/do/ui/o/{Uri.EscapeDataString(Ns)}/dead-letters/{letter.Id}/replay");
        forged.Headers.Add("Origin", "https://evil.example");
        forged.Headers.Add("Sec-Fetch-Site", "cross-site");

        var response = await http.SendAsync(forged);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Single(await studio.DeadLetters());
        Assert.DoesNotContain("reviewed", (await studio.Startup("acme").Get()).Tags);
    }

    [Fact]
    public async Task A_bad_filter_or_ref_is_shown_in_place_with_the_value_and_the_accepted_form()
    {
        var studio = _server.Client().Object<Studio>("https://startups.studio");
        await studio.Startups.Create("acme", new Startup { Name = "Acme" });
        await studio.Startup("acme").Tag("x");
        using var http = _server.Http();

        var status = await http.GetAsync("/do/ui/o/https%3A%2F%2Fstartups.studio/actions?status=bogus");
        var diff = await http.GetAsync("/do/ui/o/https%3A%2F%2Fstartups.studio/things/Startup/acme?a=acme@v&b=acme");
        var noun = await http.GetAsync("/do/ui/o/https%3A%2F%2Fstartups.studio/things/Rocket/acme");

        Assert.Equal(HttpStatusCode.BadRequest, status.StatusCode);
        var statusPage = await status.Content.ReadAsStringAsync();
        Assert.Contains("&quot;bogus&quot; is not an action status", statusPage, StringComparison.Ordinal);
        Assert.Contains("failed", statusPage, StringComparison.Ordinal);
        // A bad ref in the diff form is an error beside the form; the rest of the thing's page still shows.
        Assert.Equal(HttpStatusCode.OK, diff.StatusCode);
        var diffPage = await diff.Content.ReadAsStringAsync();
        Assert.Contains("Cannot compare", diffPage, StringComparison.Ordinal);
        Assert.Contains("acme@v", diffPage, StringComparison.Ordinal);
        Assert.Contains("table class=\"grid history\"", diffPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noun.StatusCode);
        Assert.Contains("Rocket", await noun.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
