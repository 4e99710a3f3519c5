using Do.AspNetCore.BrowserTests.Support;
using Do.Tests.Support;
using PuppeteerSharp;
using Xunit.Abstractions;

namespace Do.AspNetCore.BrowserTests.Dashboard;

/// <summary>
/// The dashboard in a real headless Chromium against a real Kestrel: what an operator does, by mouse and keyboard,
/// and that what they do lands in the object. Screenshots of each page are saved (the path is printed).
/// </summary>
public sealed class DashboardBrowserTests(ITestOutputHelper output) : IAsyncLifetime
{
    private DashboardServer _server = null!;
    private Chromium _chromium = null!;

    public async Task InitializeAsync()
    {
        _server = await DashboardServer.StartAsync();
        _chromium = await Chromium.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await _chromium.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task An_operator_finds_an_object_opens_a_thing_and_reads_its_history_and_a_diff()
    {
        var studio = _server.Client().Object<Studio>("https://startups.studio");
        await studio.Startups.Create("acme", new Startup { Name = "Acme" });
        await studio.Startups.Create("globex", new Startup { Name = "Globex", Priority = 2 });
        await studio.Startup("acme").Prioritize(3);
        await studio.Startup("acme").Tag("ai");
        await _server.Client().Object<Studio>("https://startups.studio/eu").Startups.Create("initech", new Startup { Name = "Initech" });
        await WaitForHandlers(studio, "acme");
        var page = await _chromium.PageAsync();

        await page.GoToAsync(_server.Url("/"));
        Assert.Equal(["https://startups.studio", "https://startups.studio/eu"], await LinkTexts(page, "table.grid tbody a"));
        await Screenshot(page, "objects");

        await page.TypeAsync("#q", "/eu");
        await Task.WhenAll(page.WaitForNavigationAsync(), page.Keyboard.PressAsync("Enter"));
        Assert.Equal(["https://startups.studio/eu"], await LinkTexts(page, "table.grid tbody a"));

        await page.GoToAsync(_server.Url("/"));
        await Task.WhenAll(page.WaitForNavigationAsync(), page.ClickAsync("a[href$='/o/https%3A%2F%2Fstartups.studio']"));
        Assert.Equal("https://startups.studio", await Text(page, "h1"));
        Assert.Equal(["acme", "globex"], await LinkTexts(page, "#live-region tbody th a"));
        await Screenshot(page, "things");

        await Task.WhenAll(page.WaitForNavigationAsync(), page.ClickAsync("#live-region tbody th a"));
        var history = await studio.Startup("acme").History();
        Assert.Equal(history.Count, await page.EvaluateExpressionAsync<int>("document.querySelectorAll('table.history tbody tr').length"));
        Assert.Contains("priority3", await Text(page, "table.fields"), StringComparison.Ordinal);
        Assert.Contains("reviewed", await Text(page, "table.fields"), StringComparison.Ordinal);

        // Compare the first version with HEAD: every field the life of the thing changed.
        await page.SelectAsync("#diff-a", "acme@v" + history[^1].Version);
        await page.SelectAsync("#diff-b", "acme@v" + history[0].Version);
        await Task.WhenAll(page.WaitForNavigationAsync(), page.ClickAsync(".diff-form button"));
        var priority = await page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('table.diff tbody tr')].filter(r => r.querySelector('th').textContent === 'priority').flatMap(r => [...r.querySelectorAll('td')].map(c => c.textContent))");
        Assert.Equal(["0", "3"], priority);
        await Screenshot(page, "thing");
    }

    [Fact]
    public async Task Replaying_a_dead_letter_from_the_dashboard_lands_the_handlers_change()
    {
        const string Ns = "https://startups.studio/replay";
        Studio.Broken[Ns] = true;
        var studio = _server.Client().Object<Studio>(Ns);
        await studio.Startups.Create("acme", new Startup { Name = "Acme" });
        await studio.Startup("acme").Prioritize();
        await Wait.UntilAsync(async () => (await studio.DeadLetters()).Count == 1, "the broken handler dead-lettered the event");
        var page = await _chromium.PageAsync();

        await page.GoToAsync(_server.Url("/o/" + Uri.EscapeDataString(Ns) + "/dead-letters"));
        Assert.Contains("the review service rejected acme", await Text(page, "table.dead-letters"), StringComparison.Ordinal);
        await Screenshot(page, "dead-letters");

        // The handler is fixed; the operator replays with the keyboard.
        Studio.Broken.TryRemove(Ns, out _);
        await page.FocusAsync("table.dead-letters button");
        await Task.WhenAll(page.WaitForNavigationAsync(), page.Keyboard.PressAsync("Enter"));

        Assert.Contains("replayed: its handler succeeded", await Text(page, ".notice"), StringComparison.Ordinal);
        Assert.Contains("No dead letters waiting", await Text(page, "#live-region"), StringComparison.Ordinal);
        Assert.Empty(await studio.DeadLetters());
        Assert.Contains("reviewed", (await studio.Startup("acme").Get()).Tags);
        await page.GoToAsync(_server.Url("/o/" + Uri.EscapeDataString(Ns) + "/things/Startup/acme"));
        Assert.Contains("reviewed", await Text(page, "table.fields"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_events_page_shows_new_events_as_they_happen_without_a_reload()
    {
        const string Ns = "https://startups.studio/live";
        var studio = _server.Client().Object<Studio>(Ns);
        await studio.Startups.Create("acme", new Startup { Name = "Acme" });
        var page = await _chromium.PageAsync();
        await page.GoToAsync(_server.Url("/o/" + Uri.EscapeDataString(Ns) + "/events"));
        await page.EvaluateExpressionAsync("window.sameDocument = true");
        await Wait.UntilAsync(async () => await Text(page, "#live-status") == "Live", "the page subscribed to the object's events");

        await studio.Startup("acme").Tag("launch-week");

        await Wait.UntilAsync(async () => (await Text(page, "#live-region")).Contains("Startup.tagged", StringComparison.Ordinal), "the new event appeared on the open page");
        Assert.True(await page.EvaluateExpressionAsync<bool>("window.sameDocument === true"));
        Assert.Contains("Startup.tagged", await Text(page, "#live-status"), StringComparison.Ordinal);
        await Screenshot(page, "events");
    }

    [Fact]
    public async Task Actions_show_a_failed_verb_with_its_attempts_and_error_and_filter_by_status()
    {
        const string Ns = "https://startups.studio/actions";
        var studio = _server.Client().Object<Studio>(Ns);
        await studio.Startups.Create("acme", new Startup { Name = "Acme" });
        await Assert.ThrowsAsync<ActionFailedException>(() => studio.Startup("acme").Launch());
        var page = await _chromium.PageAsync();

        await page.GoToAsync(_server.Url("/o/" + Uri.EscapeDataString(Ns) + "/actions"));
        await page.SelectAsync("#status", "failed");
        await Task.WhenAll(page.WaitForNavigationAsync(), page.ClickAsync(".filters button"));

        var rows = await page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('table.actions tbody tr')].map(r => r.dataset.status)");
        Assert.Equal(["failed"], rows);
        var failed = await Text(page, "table.actions tbody tr");
        Assert.Contains("Launch", failed, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("the launch pad for Acme is on fire", failed, StringComparison.Ordinal);
        await Screenshot(page, "actions");
    }

    [Fact]
    public async Task Schedules_show_when_they_run_next_and_branches_mark_the_one_checked_out()
    {
        const string Ns = "https://startups.studio/schedules";
        var studio = _server.Client().Object<Studio>(Ns);
        await studio.Startups.Create("acme", new Startup { Name = "Acme" });
        await studio.Branch("experiment");
        var page = await _chromium.PageAsync(dark: true);

        await page.GoToAsync(_server.Url("/o/" + Uri.EscapeDataString(Ns) + "/schedules"));
        var schedule = await Text(page, "table.schedules tbody tr");
        Assert.Contains("0 9 * * 1", schedule, StringComparison.Ordinal);
        Assert.Contains("(in ", schedule, StringComparison.Ordinal);
        await Screenshot(page, "schedules-dark");

        await page.GoToAsync(_server.Url("/o/" + Uri.EscapeDataString(Ns) + "/branches"));
        Assert.Equal(["main", "experiment"], await page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('.branches code')].map(c => c.textContent)"));
        Assert.Contains("checked out", await Text(page, ".branches li"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approving_a_request_on_the_humans_approvals_page_completes_the_waiting_action()
    {
        const string Ns = "https://startups.studio/approvals";
        const string Alice = "https://startups.studio/people/alice";
        var studio = _server.Host.Object<Studio>(Ns);
        await studio.Rollouts.Create("v2", new Rollout { Name = "v2", Reviewer = Alice });
        var waiting = studio.Rollout("v2").AskForApproval();
        await Wait.UntilAsync(async () => (await _server.Host.Object<Reviewer>(Alice).Approvals.Pending()).Count == 1, "alice has the request");
        var page = await _chromium.PageAsync();

        // The requester is no Human: its page points to where approvals live.
        await page.GoToAsync(_server.Url("/o/" + Uri.EscapeDataString(Ns) + "/approvals"));
        Assert.Contains("Approvals live on Human objects", await Text(page, "main"), StringComparison.Ordinal);

        await page.GoToAsync(_server.Url("/o/" + Uri.EscapeDataString(Alice) + "/approvals"));
        var row = await Text(page, "table.approvals tbody tr");
        Assert.Contains("roll out v2?", row, StringComparison.Ordinal);
        Assert.Contains(Ns, row, StringComparison.Ordinal);
        Assert.Contains("(in 23 h)", row, StringComparison.Ordinal);
        await page.TypeAsync("table.approvals input[name=comment]", "ship it");
        await Screenshot(page, "approvals");
        Assert.False(waiting.IsCompleted);

        await Task.WhenAll(page.WaitForNavigationAsync(), page.ClickAsync("table.approvals button.approve"));

        Assert.Contains("approved", await Text(page, ".notice"), StringComparison.Ordinal);
        Assert.Contains("No approvals waiting", await Text(page, "main"), StringComparison.Ordinal);
        await waiting.WaitAsync(Wait.Guard);
        var rollout = await studio.Rollout("v2").Get();
        Assert.Equal((true, "api-key", "ship it"), (rollout.Approved, rollout.DecidedBy, rollout.Comment));
    }

    [Fact]
    public async Task The_keyboard_reaches_the_skip_link_first_and_it_moves_focus_to_the_content()
    {
        var page = await _chromium.PageAsync();
        await page.GoToAsync(_server.Url("/"));

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to content", await page.EvaluateExpressionAsync<string>("document.activeElement.textContent"));
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Tab");

        Assert.Equal("q", await page.EvaluateExpressionAsync<string>("document.activeElement.id"));
    }

    private async Task Screenshot(IPage page, string name)
        => output.WriteLine("screenshot: " + await Chromium.ScreenshotAsync(page, name));

    private static Task<string> Text(IPage page, string selector)
        => page.EvaluateFunctionAsync<string>("s => document.querySelector(s)?.textContent ?? ''", selector);

    private static Task<string[]> LinkTexts(IPage page, string selector)
        => page.EvaluateFunctionAsync<string[]>("s => [...document.querySelectorAll(s)].map(a => a.textContent)", selector);

    // The review handler runs after commit; the pages are read once it has tagged the thing.
    private static Task WaitForHandlers(ObjectClient<Studio> studio, string id)
        => Wait.UntilAsync(async () => (await studio.Startup(id).Get()).Tags.Contains("reviewed"), $"the review handler tagged {id}");
}
