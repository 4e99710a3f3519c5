using Microsoft.AspNetCore.Http;

namespace Do.AspNetCore.Dashboard;

/// <summary>An object's schedules: the cron expression, its time zone, when it runs next and when it last ran.</summary>
internal static class DashboardSchedulesPage
{
    public static async Task<IResult> Render(DashboardSite site, HttpContext http, CancellationToken cancellationToken)
    {
        var obj = DashboardObject.Of(http);
        var schedules = await obj.Client.Schedules(cancellationToken).ConfigureAwait(false);
        var last = await DashboardReads.LastSequenceAsync(obj, cancellationToken).ConfigureAwait(false);
        var now = obj.Now;
        return DashboardLayout.Page(site, "Schedules · " + obj.Ns, html =>
        {
            html.Element("h1", "Schedules");
            html.Open("div", ("id", "live-region"));
            if (schedules.Count == 0)
            {
                DashboardLayout.Empty(html, "No schedules", "An object's Configure declares them, e.g. ctx.Every.Monday.At9am(…) or ctx.Every.Cron(\"*/15 * * * *\", …).");
            }
            else
            {
                html.Open("table", ("class", "grid schedules")).Open("thead").Open("tr")
                    .Element("th", "Cron", ("scope", "col")).Element("th", "Time zone", ("scope", "col"))
                    .Element("th", "Next run", ("scope", "col")).Element("th", "Last run", ("scope", "col")).Element("th", "Id", ("scope", "col"))
                    .Close("tr").Close("thead").Open("tbody");
                foreach (var schedule in schedules.OrderBy(s => s.NextDueAt ?? DateTimeOffset.MaxValue))
                {
                    html.Open("tr").Open("td").Element("code", schedule.Cron).Close("td").Element("td", schedule.TimeZone).Open("td");
                    if (schedule.NextDueAt is { } next)
                    {
                        html.Time(next).Text(" ").Element("span", "(" + DashboardFormat.Relative(next, now) + ")", ("class", "muted"));
                    }
                    else
                    {
                        html.Element("span", "never again", ("class", "muted"));
                    }

                    html.Close("td").Open("td").Time(schedule.LastRunAt).Close("td").Open("td").Element("code", schedule.Id).Close("td").Close("tr");
                }

                html.Close("tbody").Close("table");
            }

            html.Close("div");
        }, obj.Ns, DashboardTab.Schedules, last);
    }
}
