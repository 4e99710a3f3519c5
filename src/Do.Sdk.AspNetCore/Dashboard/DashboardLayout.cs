using Microsoft.AspNetCore.Http;

namespace Do.AspNetCore.Dashboard;

/// <summary>The page shell every dashboard page shares: skip link, header, an object's tabs, the main landmark.</summary>
internal static class DashboardLayout
{
    private static readonly (DashboardTab Tab, string Path, string Label)[] Tabs =
    [
        (DashboardTab.Things, "", "Things"),
        (DashboardTab.Branches, "branches", "Branches"),
        (DashboardTab.Actions, "actions", "Actions"),
        (DashboardTab.Events, "events", "Events"),
        (DashboardTab.DeadLetters, "dead-letters", "Dead letters"),
        (DashboardTab.Schedules, "schedules", "Schedules"),
        (DashboardTab.Approvals, "approvals", "Approvals"),
    ];

    /// <summary>
    /// A full page. <paramref name="ns"/> and <paramref name="tab"/> add the object's navigation; <paramref name="liveAfter"/>
    /// subscribes the page to the object's events after that sequence, so the region marked live refreshes itself.
    /// </summary>
    public static IResult Page(
        DashboardSite site,
        string title,
        Action<HtmlWriter> body,
        string? ns = null,
        DashboardTab? tab = null,
        long? liveAfter = null,
        int status = StatusCodes.Status200OK)
    {
        var html = new HtmlWriter().Doctype();
        html.Open("html", ("lang", "en"));
        html.Open("head")
            .Open("meta", ("charset", "utf-8"))
            .Open("meta", ("name", "viewport"), ("content", "width=device-width, initial-scale=1"))
            .Open("meta", ("name", "color-scheme"), ("content", "light dark"))
            .Element("title", title + " · " + site.Options.Title)
            .Open("link", ("rel", "stylesheet"), ("href", site.Asset("dashboard.css")))
            .Open("script", ("src", site.Asset("dashboard.js")), ("defer", "")).Close("script")
            .Close("head");
        html.Open("body", ("data-live", ns is not null && liveAfter is { } after ? site.Live(ns, after) : null));
        html.Link("#main", "Skip to content", "skip");
        html.Open("header", ("class", "top"))
            .Link(site.Home, site.Options.Title, "brand")
            .Element("span", null, ("id", "live-status"), ("class", "live-status"), ("role", "status"), ("aria-live", "polite"))
            .Close("header");
        if (ns is not null)
        {
            ObjectNavigation(html, site, ns, tab);
        }

        html.Open("main", ("id", "main"), ("tabindex", "-1"));
        body(html);
        html.Close("main").Close("body").Close("html");
        return new DashboardHtmlResult(html.ToString(), status);
    }

    private static void ObjectNavigation(HtmlWriter html, DashboardSite site, string ns, DashboardTab? current)
    {
        html.Open("nav", ("class", "crumbs"), ("aria-label", "Breadcrumb"))
            .Open("ol")
            .Open("li").Link(site.Home, "Objects").Close("li")
            .Open("li").Link(site.Object(ns), ns, current is null ? null : "ns", current is null).Close("li")
            .Close("ol").Close("nav");
        html.Open("nav", ("class", "tabs"), ("aria-label", "Object")).Open("ul");
        foreach (var (tab, path, label) in Tabs)
        {
            html.Open("li").Link(site.Object(ns, path), label, "tab", tab == current).Close("li");
        }

        html.Close("ul").Close("nav");
    }

    /// <summary>An empty state: what is missing and, when it helps, what makes something appear.</summary>
    public static void Empty(HtmlWriter html, string what, string? hint = null)
    {
        html.Open("div", ("class", "empty")).Element("p", what, ("class", "empty-title"));
        if (hint is not null)
        {
            html.Element("p", hint);
        }

        html.Close("div");
    }

    /// <summary>An error shown in place, where the content it replaces would be.</summary>
    public static void Error(HtmlWriter html, string title, string message)
    {
        html.Open("div", ("class", "error"), ("role", "alert"))
            .Element("p", title, ("class", "error-title"))
            .Element("p", message)
            .Close("div");
    }
}
