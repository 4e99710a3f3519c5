using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Do.AspNetCore.Dashboard;

/// <summary>The home page: every object the visitor is granted, filtered by a search over namespace and class.</summary>
internal static class DashboardObjectsPage
{
    public static IResult Render(DashboardSite site, HttpContext http, string? q)
    {
        var host = http.RequestServices.GetRequiredService<DoHost>();
        var granted = host.Catalog()
            .Where(e => site.Options.AllowAnonymous || DoNamespaceAuthorization.IsGranted(http.User, ObjectNamespace.Parse(e.Namespace)))
            .ToList();
        var query = q?.Trim() ?? "";
        var shown = query.Length == 0
            ? granted
            : granted.Where(e => e.Namespace.Contains(query, StringComparison.OrdinalIgnoreCase) || e.Class.Contains(query, StringComparison.OrdinalIgnoreCase)).ToList();

        return DashboardLayout.Page(site, "Objects", html =>
        {
            html.Element("h1", "Objects");
            html.Open("form", ("class", "search"), ("role", "search"), ("method", "get"), ("action", site.Home))
                .Element("label", "Search objects by namespace or class", ("for", "q"))
                .Open("div", ("class", "search-row"))
                .Open("input", ("id", "q"), ("name", "q"), ("type", "search"), ("value", query), ("placeholder", "https://startups.studio"), ("autocomplete", "off"))
                .Element("button", "Search", ("type", "submit"))
                .Close("div").Close("form");

            if (granted.Count == 0)
            {
                DashboardLayout.Empty(html, "No objects yet", "Objects appear here once something creates them, e.g. host.Object<Studio>(\"https://startups.studio\") and a first write. You see only the namespaces you are granted.");
                return;
            }

            if (shown.Count == 0)
            {
                DashboardLayout.Empty(html, $"No object matches \"{query}\"", $"Searched {granted.Count} objects by namespace and class.");
                return;
            }

            html.Element("p", query.Length == 0 ? $"{shown.Count} objects" : $"{shown.Count} of {granted.Count} objects match \"{query}\"", ("class", "muted"));
            html.Open("table", ("class", "grid")).Open("thead").Open("tr")
                .Element("th", "Namespace", ("scope", "col")).Element("th", "Class", ("scope", "col"))
                .Element("th", "Colo", ("scope", "col")).Element("th", "Created", ("scope", "col")).Element("th", "State", ("scope", "col"))
                .Close("tr").Close("thead").Open("tbody");
            foreach (var entry in shown)
            {
                html.Open("tr")
                    .Open("td").Link(site.Object(entry.Namespace), entry.Namespace).Close("td")
                    .Element("td", entry.Class)
                    .Element("td", entry.Colo ?? DoHostOptions.DefaultColo)
                    .Open("td").Time(entry.CreatedAt).Close("td")
                    .Open("td");
                if (host.IsActive(entry.Namespace))
                {
                    html.Badge("active", "good");
                }
                else
                {
                    html.Badge("idle", "quiet");
                }

                html.Close("td").Close("tr");
            }

            html.Close("tbody").Close("table");
        });
    }
}
