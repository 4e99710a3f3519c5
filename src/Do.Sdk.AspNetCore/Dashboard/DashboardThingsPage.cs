using Do.Infrastructure;
using System.Text.Json;
using Do.Storage;
using Microsoft.AspNetCore.Http;

namespace Do.AspNetCore.Dashboard;

/// <summary>An object's overview: what is checked out, and HEAD of its things, grouped by noun.</summary>
internal static class DashboardThingsPage
{
    private const int ShownFields = 4;

    public static async Task<IResult> Render(DashboardSite site, HttpContext http, CancellationToken cancellationToken)
    {
        var obj = DashboardObject.Of(http);
        var nouns = await DashboardReads.ThingsAsync(obj, cancellationToken).ConfigureAwait(false);
        var checkedOut = await obj.Client.CheckedOut(cancellationToken).ConfigureAwait(false);
        var last = await DashboardReads.LastSequenceAsync(obj, cancellationToken).ConfigureAwait(false);
        var entry = obj.Host.Catalog().First(e => e.Namespace == obj.Ns);

        return DashboardLayout.Page(site, obj.Ns, html =>
        {
            html.Element("h1", obj.Ns);
            html.Open("dl", ("class", "facts"))
                .Element("dt", "Class").Element("dd", entry.Class)
                .Element("dt", "Checked out").Open("dd").Element("code", checkedOut).Close("dd")
                .Element("dt", "Events").Element("dd", DashboardFormat.Number(last))
                .Close("dl");
            html.Open("div", ("id", "live-region"));
            if (nouns.Count == 0 || nouns.All(n => n.Things.Count == 0))
            {
                DashboardLayout.Empty(html, "No things yet", "Things appear here once a verb or a write creates one, e.g. studio.Startups.Create(\"acme\", …).");
            }

            foreach (var (noun, things) in nouns)
            {
                if (things.Count > 0)
                {
                    Section(html, site, obj.Ns, noun, things);
                }
            }

            html.Close("div");
        }, obj.Ns, DashboardTab.Things, last);
    }

    private static void Section(HtmlWriter html, DashboardSite site, string ns, NounInfo noun, IReadOnlyList<ThingRecord> things)
    {
        var headingId = "noun-" + noun.Name;
        var fields = noun.Properties.Select(p => p.JsonName).Take(ShownFields).ToList();
        html.Open("section", ("aria-labelledby", headingId))
            .Open("h2", ("id", headingId)).Text(noun.Plural).Text(" ").Element("span", DashboardFormat.Number(things.Count), ("class", "count")).Close("h2")
            .Open("table", ("class", "grid")).Open("thead").Open("tr").Element("th", "Id", ("scope", "col"));
        foreach (var field in fields)
        {
            html.Element("th", field, ("scope", "col"));
        }

        html.Element("th", "HEAD", ("scope", "col")).Close("tr").Close("thead").Open("tbody");
        foreach (var thing in things)
        {
            html.Open("tr").Open("th", ("scope", "row")).Link(site.Thing(ns, noun.Name, thing.Id), thing.Id).Close("th");
            using var document = JsonDocument.Parse(thing.Data ?? "{}");
            foreach (var field in fields)
            {
                html.Element("td", document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(field, out var value) ? DashboardFormat.Value(value) : "");
            }

            html.Open("td").Element("code", "@v" + DashboardFormat.Number(thing.Version)).Close("td").Close("tr");
        }

        html.Close("tbody").Close("table").Close("section");
    }
}
