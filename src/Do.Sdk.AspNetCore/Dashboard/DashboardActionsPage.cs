using Microsoft.AspNetCore.Http;

namespace Do.AspNetCore.Dashboard;

/// <summary>An object's action log: who did what to which thing, its status, attempts and last error; filtered by status.</summary>
internal static class DashboardActionsPage
{
    private const int PageSize = 50;

    public static async Task<IResult> Render(DashboardSite site, HttpContext http, string? status, long? before, CancellationToken cancellationToken)
    {
        var obj = DashboardObject.Of(http);
        ActionStatus? only = null;
        if (status is { Length: > 0 })
        {
            only = Enum.TryParse<ActionStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                ? parsed
                : throw new ArgumentException($"\"{status}\" is not an action status: expected one of {string.Join(", ", Enum.GetNames<ActionStatus>().Select(n => n.ToLowerInvariant()))}.", nameof(status));
        }

        var actions = await obj.Client.Actions(new ActionFilter { Status = only, Before = before, Limit = PageSize }, cancellationToken).ConfigureAwait(false);
        var last = await DashboardReads.LastSequenceAsync(obj, cancellationToken).ConfigureAwait(false);
        return DashboardLayout.Page(site, "Actions · " + obj.Ns, html =>
        {
            html.Element("h1", "Actions");
            html.Open("form", ("class", "filters"), ("method", "get"), ("action", site.Object(obj.Ns, "actions")))
                .Element("label", "Status", ("for", "status"))
                .Open("select", ("id", "status"), ("name", "status"))
                .Element("option", "any", ("value", ""), ("selected", only is null ? "" : null));
            foreach (var name in Enum.GetNames<ActionStatus>())
            {
                var value = name.ToLowerInvariant();
                html.Element("option", value, ("value", value), ("selected", only?.ToString() == name ? "" : null));
            }

            html.Close("select").Element("button", "Filter", ("type", "submit")).Close("form");
            html.Open("div", ("id", "live-region"));
            Table(html, actions, null, only is null ? "No actions yet: each verb, write, undo and named action is recorded here." : $"No {only.Value.ToString().ToLowerInvariant()} actions.");
            if (actions.Count == PageSize)
            {
                var next = site.Object(obj.Ns, "actions") + "?before=" + DashboardFormat.Number(actions[^1].Id) + (only is null ? "" : "&status=" + only.Value.ToString().ToLowerInvariant());
                html.Open("p").Link(next, "Older actions").Close("p");
            }

            html.Close("div");
        }, obj.Ns, DashboardTab.Actions, last);
    }

    /// <summary>A table of actions, newest first, or an empty state saying <paramref name="empty"/>.</summary>
    public static void Table(HtmlWriter html, IReadOnlyList<ActionInfo> actions, string? heading, string empty)
    {
        html.Open("section", ("aria-label", heading ?? "Actions"));
        if (heading is not null)
        {
            html.Element("h2", heading);
        }

        if (actions.Count == 0)
        {
            DashboardLayout.Empty(html, empty);
            html.Close("section");
            return;
        }

        html.Open("table", ("class", "grid actions")).Open("thead").Open("tr")
            .Element("th", "Id", ("scope", "col")).Element("th", "Verb", ("scope", "col")).Element("th", "Target", ("scope", "col"))
            .Element("th", "Actor", ("scope", "col")).Element("th", "Status", ("scope", "col")).Element("th", "Attempts", ("scope", "col"))
            .Element("th", "At", ("scope", "col")).Element("th", "Error", ("scope", "col"))
            .Close("tr").Close("thead").Open("tbody");
        foreach (var action in actions)
        {
            html.Open("tr", ("data-status", action.Status.ToString().ToLowerInvariant()))
                .Element("td", DashboardFormat.Number(action.Id)).Open("td").Element("code", action.Verb).Close("td")
                .Element("td", action.Target.Length == 0 ? "(object)" : action.Target).Element("td", action.Actor)
                .Open("td").Badge(action.Status.ToString().ToLowerInvariant(), DashboardFormat.Tone(action.Status)).Close("td")
                .Element("td", DashboardFormat.Number(action.Attempts))
                .Open("td").Time(action.At).Close("td")
                .Open("td");
            if (action.Error is not null)
            {
                html.Element("p", action.Error, ("class", "error-text"));
            }

            html.Close("td").Close("tr");
        }

        html.Close("tbody").Close("table").Close("section");
    }
}
