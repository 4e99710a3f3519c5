using Microsoft.AspNetCore.Http;

namespace Do.AspNetCore.Dashboard;

/// <summary>Events a handler kept failing on, with their errors, and a button that replays each once the handler is fixed.</summary>
internal static class DashboardDeadLettersPage
{
    public static async Task<IResult> Render(DashboardSite site, HttpContext http, bool all, long? replayed, bool? ok, CancellationToken cancellationToken)
    {
        var obj = DashboardObject.Of(http);
        var letters = await obj.Client.DeadLetters(all, cancellationToken).ConfigureAwait(false);
        var last = await DashboardReads.LastSequenceAsync(obj, cancellationToken).ConfigureAwait(false);
        return DashboardLayout.Page(site, "Dead letters · " + obj.Ns, html =>
        {
            html.Element("h1", "Dead letters");
            if (replayed is { } id)
            {
                // The outcome of the replay the visitor just asked for, where they will look for it.
                html.Open("div", ("class", ok == true ? "notice notice-good" : "notice notice-bad"), ("role", "status"), ("tabindex", "-1"), ("id", "outcome"))
                    .Text(ok == true ? $"Dead letter {id} replayed: its handler succeeded." : $"Dead letter {id} failed again; its error below is the newest.")
                    .Close("div");
            }

            html.Open("p").Link(site.Object(obj.Ns, "dead-letters") + (all ? "" : "?all=true"), all ? "Hide replayed" : "Show replayed too").Close("p");
            html.Open("div", ("id", "live-region"));
            if (letters.Count == 0)
            {
                DashboardLayout.Empty(html, all ? "No dead letters" : "No dead letters waiting", "A handler that keeps failing after its retries leaves the event here, to replay once it is fixed.");
            }
            else
            {
                html.Open("table", ("class", "grid dead-letters")).Open("thead").Open("tr")
                    .Element("th", "Id", ("scope", "col")).Element("th", "Handler", ("scope", "col")).Element("th", "Event", ("scope", "col"))
                    .Element("th", "Attempts", ("scope", "col")).Element("th", "Error", ("scope", "col")).Element("th", "Since", ("scope", "col"))
                    .Element("th", "Replay", ("scope", "col"))
                    .Close("tr").Close("thead").Open("tbody");
                foreach (var letter in letters)
                {
                    html.Open("tr", ("id", "dead-letter-" + DashboardFormat.Number(letter.Id)))
                        .Element("td", DashboardFormat.Number(letter.Id)).Open("td").Element("code", letter.Handler).Close("td")
                        .Open("td").Element("code", letter.Event.Type).Text(letter.Event.Thing is { } thing ? " · " + thing : "").Close("td")
                        .Element("td", DashboardFormat.Number(letter.Attempts))
                        .Open("td").Element("p", letter.Error, ("class", "error-text")).Close("td")
                        .Open("td").Time(letter.CreatedAt).Close("td").Open("td");
                    if (letter.ReplayedAt is { } at)
                    {
                        html.Badge("replayed", "good").Text(" ").Time(at);
                    }
                    else
                    {
                        html.Open("form", ("method", "post"), ("action", site.Replay(obj.Ns, letter.Id)))
                            .Element("button", "Replay", ("type", "submit"), ("aria-label", $"Replay dead letter {letter.Id} ({letter.Handler})"))
                            .Close("form");
                    }

                    html.Close("td").Close("tr");
                }

                html.Close("tbody").Close("table");
            }

            html.Close("div");
        }, obj.Ns, DashboardTab.DeadLetters, last);
    }

    /// <summary>Replays one dead letter and goes back to the list, which says how it went.</summary>
    public static async Task<IResult> Replay(DashboardSite site, HttpContext http, long id, CancellationToken cancellationToken)
    {
        var obj = DashboardObject.Of(http);
        var succeeded = await obj.Client.Replay(id, cancellationToken).ConfigureAwait(false);
        return Results.Redirect(site.Object(obj.Ns, "dead-letters") + "?replayed=" + DashboardFormat.Number(id) + "&ok=" + (succeeded ? "true" : "false") + "#outcome", permanent: false, preserveMethod: false);
    }
}
