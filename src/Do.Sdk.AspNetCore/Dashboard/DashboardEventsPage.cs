using Do.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace Do.AspNetCore.Dashboard;

/// <summary>An object's newest events, newest first, with whether handlers are done with them; refreshed live.</summary>
internal static class DashboardEventsPage
{
    private const int Shown = 100;

    public static async Task<IResult> Render(DashboardSite site, HttpContext http, CancellationToken cancellationToken)
    {
        var obj = DashboardObject.Of(http);
        var last = await DashboardReads.LastSequenceAsync(obj, cancellationToken).ConfigureAwait(false);
        var events = await obj.Client.Transport.EventsAsync(Math.Max(0, last - Shown), Shown, cancellationToken).ConfigureAwait(false);
        return DashboardLayout.Page(site, "Events · " + obj.Ns, html =>
        {
            html.Element("h1", "Events");
            html.Open("div", ("id", "live-region"));
            if (events.Count == 0)
            {
                DashboardLayout.Empty(html, "No events yet", "Every change to a thing commits an event (Startup.created, Startup.prioritized, …); they appear here as they happen.");
            }
            else
            {
                html.Element("p", last > Shown ? $"The newest {events.Count} of {last} events." : $"{events.Count} events.", ("class", "muted"));
                html.Open("table", ("class", "grid events")).Open("thead").Open("tr")
                    .Element("th", "#", ("scope", "col")).Element("th", "Type", ("scope", "col")).Element("th", "Thing", ("scope", "col"))
                    .Element("th", "Version", ("scope", "col")).Element("th", "At", ("scope", "col")).Element("th", "Handlers", ("scope", "col"))
                    .Close("tr").Close("thead").Open("tbody");
                for (var i = events.Count - 1; i >= 0; i--)
                {
                    var e = events[i];
                    html.Open("tr").Element("td", DashboardFormat.Number(e.Sequence)).Open("td").Element("code", e.Type).Close("td").Open("td");
                    var noun = e.Type.Split('.')[0];
                    if (e.Thing is { } thing && DoRegistry.FindNoun(noun) is not null)
                    {
                        html.Link(site.Thing(obj.Ns, noun, thing), thing);
                    }
                    else
                    {
                        html.Text(e.Thing ?? "(object)");
                    }

                    html.Close("td").Element("td", e.Version is { } v ? "@v" + DashboardFormat.Number(v) : "")
                        .Open("td").Time(e.At).Close("td").Open("td");
                    if (e.DispatchedAt is null)
                    {
                        html.Badge("waiting", "busy");
                    }
                    else
                    {
                        html.Badge("done", "good");
                    }

                    html.Close("td").Close("tr");
                }

                html.Close("tbody").Close("table");
            }

            html.Close("div");
        }, obj.Ns, DashboardTab.Events, last);
    }
}
