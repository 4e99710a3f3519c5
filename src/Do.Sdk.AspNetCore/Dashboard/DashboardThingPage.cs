using System.Text.Json;
using Do.Client;
using Do.Transport;
using Microsoft.AspNetCore.Http;

namespace Do.AspNetCore.Dashboard;

/// <summary>One thing: its HEAD field by field, every version, a field diff between any two versions, its actions.</summary>
internal static class DashboardThingPage
{
    public static async Task<IResult> Render(DashboardSite site, HttpContext http, string noun, string id, string? a, string? b, CancellationToken cancellationToken)
    {
        var obj = DashboardObject.Of(http);
        var info = DoRequest.Noun(noun);
        id = DoRoutes.Segment(id);
        var transport = obj.Client.Transport;
        var history = await transport.HistoryAsync(info, id, cancellationToken).ConfigureAwait(false);
        if (history.Count == 0)
        {
            throw new ThingNotFoundException(info.Name, id, $"{obj.Ns} has no version of it on any branch");
        }

        var head = await transport.FindAsync(info, Ref.Parse(id), cancellationToken).ConfigureAwait(false);
        var actions = await obj.Client.Actions(new ActionFilter { Target = id, Limit = 20 }, cancellationToken).ConfigureAwait(false);
        var last = await DashboardReads.LastSequenceAsync(obj, cancellationToken).ConfigureAwait(false);

        // By default compare the version before HEAD with HEAD: what the last change did.
        var refA = a is { Length: > 0 } ? a : history.Count > 1 ? Version(id, history[1].Version) : null;
        var refB = b is { Length: > 0 } ? b : Version(id, history[0].Version);
        IReadOnlyList<FieldChange>? diff = null;
        string? diffError = null;
        if (refA is not null)
        {
            try
            {
                diff = await transport.DiffAsync(info, refA, refB, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (RemoteErrors.StatusOf(e) is >= 400 and < 500)
            {
                // A bad ref in the form is shown beside the form, not as a failed page.
                diffError = e.Message;
            }
        }

        return DashboardLayout.Page(site, info.Name + " " + id, html =>
        {
            html.Open("h1").Element("span", info.Name, ("class", "muted")).Text(" ").Text(id).Close("h1");
            html.Open("div", ("id", "live-region"));
            Head(html, head, history[0]);
            History(html, history);
            Diff(html, site, obj.Ns, info.Name, id, history, refA, refB, diff, diffError);
            DashboardActionsPage.Table(html, actions, "Actions on this thing", "No actions recorded on this thing.");
            html.Close("div");
        }, obj.Ns, DashboardTab.Things, last);
    }

    private static string Version(string id, long version) => id + "@v" + DashboardFormat.Number(version);

    private static void Head(HtmlWriter html, string? json, ThingVersionData newest)
    {
        html.Open("section", ("aria-labelledby", "head")).Open("h2", ("id", "head")).Text("HEAD ").Element("code", "@v" + DashboardFormat.Number(newest.Version)).Close("h2");
        if (json is null)
        {
            DashboardLayout.Empty(html, "Deleted", "Its last version is a delete; the history below still reads every earlier version.");
            html.Close("section");
            return;
        }

        using var document = JsonDocument.Parse(json);
        html.Open("table", ("class", "fields")).Open("tbody");
        if (document.RootElement.ValueKind == JsonValueKind.Object)
        {
            foreach (var field in document.RootElement.EnumerateObject())
            {
                html.Open("tr").Element("th", field.Name, ("scope", "row")).Open("td").Element("code", DashboardFormat.Value(field.Value)).Close("td").Close("tr");
            }
        }

        html.Close("tbody").Close("table").Close("section");
    }

    private static void History(HtmlWriter html, IReadOnlyList<ThingVersionData> history)
    {
        html.Open("section", ("aria-labelledby", "history")).Element("h2", "History", ("id", "history"))
            .Open("table", ("class", "grid history")).Open("thead").Open("tr")
            .Element("th", "Version", ("scope", "col")).Element("th", "Verb", ("scope", "col")).Element("th", "At", ("scope", "col")).Element("th", "Value", ("scope", "col"))
            .Close("tr").Close("thead").Open("tbody");
        foreach (var version in history)
        {
            html.Open("tr").Open("th", ("scope", "row")).Element("code", "@v" + DashboardFormat.Number(version.Version)).Close("th")
                .Element("td", version.Verb).Open("td").Time(version.At).Close("td").Open("td");
            if (version.Deleted)
            {
                html.Badge("deleted", "bad");
            }
            else
            {
                html.Open("details").Element("summary", "JSON").Element("pre", DashboardFormat.Indented(version.Json)).Close("details");
            }

            html.Close("td").Close("tr");
        }

        html.Close("tbody").Close("table").Close("section");
    }

    private static void Diff(HtmlWriter html, DashboardSite site, string ns, string noun, string id, IReadOnlyList<ThingVersionData> history, string? refA, string refB, IReadOnlyList<FieldChange>? diff, string? error)
    {
        html.Open("section", ("aria-labelledby", "diff")).Element("h2", "Compare versions", ("id", "diff"));
        html.Open("form", ("class", "diff-form"), ("method", "get"), ("action", site.Thing(ns, noun, id) + "#diff"));
        Select(html, "a", "From", id, history, refA);
        Select(html, "b", "To", id, history, refB);
        html.Element("button", "Compare", ("type", "submit")).Close("form");
        if (error is not null)
        {
            DashboardLayout.Error(html, "Cannot compare", error);
        }
        else if (refA is null)
        {
            DashboardLayout.Empty(html, "Only one version", "A diff needs two versions; change the thing and come back.");
        }
        else if (diff is { Count: 0 })
        {
            DashboardLayout.Empty(html, $"{refA} and {refB} are the same", "No top-level field differs.");
        }
        else if (diff is not null)
        {
            html.Open("table", ("class", "grid diff")).Element("caption", $"{refA} → {refB}").Open("thead").Open("tr")
                .Element("th", "Field", ("scope", "col")).Element("th", "Before", ("scope", "col")).Element("th", "After", ("scope", "col"))
                .Close("tr").Close("thead").Open("tbody");
            foreach (var change in diff)
            {
                html.Open("tr").Element("th", change.Field, ("scope", "row"))
                    .Open("td").Element("del", DashboardFormat.Value(change.Before) ?? "(absent)").Close("td")
                    .Open("td").Element("ins", DashboardFormat.Value(change.After) ?? "(absent)").Close("td")
                    .Close("tr");
            }

            html.Close("tbody").Close("table");
        }

        html.Close("section");
    }

    private static void Select(HtmlWriter html, string name, string label, string id, IReadOnlyList<ThingVersionData> history, string? selected)
    {
        html.Open("label", ("for", "diff-" + name)).Text(label).Close("label")
            .Open("select", ("id", "diff-" + name), ("name", name));
        foreach (var version in history)
        {
            var value = Version(id, version.Version);
            html.Element("option", $"@v{DashboardFormat.Number(version.Version)} · {version.Verb}", ("value", value), ("selected", value == selected ? "" : null));
        }

        html.Close("select");
    }
}
