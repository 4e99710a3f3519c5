using Microsoft.AspNetCore.Http;

namespace Do.AspNetCore.Dashboard;

/// <summary>
/// A Human's approval queue: the requests waiting for a decision, each with Approve and Reject and an optional comment.
/// The decision is recorded as the signed-in visitor and handed to the waiting action; the page then says how it went.
/// Other objects ask humans for approvals but hold none, so their page points to the Human objects.
/// </summary>
internal static class DashboardApprovalsPage
{
    public static async Task<IResult> Render(DashboardSite site, HttpContext http, long? answered, string? outcome, CancellationToken cancellationToken)
    {
        var obj = DashboardObject.Of(http);
        var isHuman = await DashboardReads.IsHumanAsync(obj, cancellationToken).ConfigureAwait(false);
        var pending = isHuman ? await DashboardReads.Approvals(obj).Pending(cancellationToken).ConfigureAwait(false) : [];
        var now = obj.Now;
        return DashboardLayout.Page(site, "Approvals · " + obj.Ns, html =>
        {
            html.Element("h1", "Approvals");
            if (answered is { } id)
            {
                Outcome(html, id, outcome);
            }

            if (!isHuman)
            {
                DashboardLayout.Empty(html, "Approvals live on Human objects", "This object is not a Human. Its actions ask people with ctx.Human<THuman>(ns).Approve(…); open that human's object to see and answer its requests.");
                return;
            }

            if (pending.Count == 0)
            {
                DashboardLayout.Empty(html, "No approvals waiting", "Requests that actions send to this human with Approve(…) are listed here until someone answers them or they expire.");
                return;
            }

            html.Open("table", ("class", "grid approvals")).Open("thead").Open("tr")
                .Element("th", "Id", ("scope", "col")).Element("th", "Request", ("scope", "col")).Element("th", "Requester", ("scope", "col"))
                .Element("th", "Asked", ("scope", "col")).Element("th", "Expires", ("scope", "col")).Element("th", "Decision", ("scope", "col"))
                .Close("tr").Close("thead").Open("tbody");
            foreach (var request in pending)
            {
                var number = DashboardFormat.Number(request.Id);
                html.Open("tr", ("id", "approval-" + number))
                    .Element("td", number).Element("td", request.Text, ("class", "approval-text"))
                    .Open("td").Link(site.Object(request.Requester, "actions"), request.Requester).Text(" · action " + DashboardFormat.Number(request.ActionId)).Close("td")
                    .Open("td").Time(request.CreatedAt).Close("td")
                    .Open("td").Time(request.ExpiresAt).Text(request.ExpiresAt is { } at ? " (" + DashboardFormat.Relative(at, now) + ")" : " (never)").Close("td")
                    .Open("td");

                // One form, two actions: the button pressed picks the address, the comment goes with either.
                html.Open("form", ("class", "decision"), ("method", "post"), ("action", site.Decide(obj.Ns, request.Id, approve: true)))
                    .Element("label", "Comment", ("for", "comment-" + number), ("class", "visually-hidden"))
                    .Open("input", ("type", "text"), ("name", "comment"), ("id", "comment-" + number), ("placeholder", "Comment (optional)"), ("maxlength", "2000"))
                    .Element("button", "Approve", ("type", "submit"), ("class", "approve"), ("aria-label", $"Approve request {number}: {request.Text}"))
                    .Element("button", "Reject", ("type", "submit"), ("class", "reject"), ("formaction", site.Decide(obj.Ns, request.Id, approve: false)), ("aria-label", $"Reject request {number}: {request.Text}"))
                    .Close("form").Close("td").Close("tr");
            }

            html.Close("tbody").Close("table");
        }, obj.Ns, DashboardTab.Approvals);
    }

    /// <summary>Answers request <paramref name="id"/> as the signed-in visitor and goes back to the queue, which says how it went.</summary>
    public static async Task<IResult> Decide(DashboardSite site, HttpContext http, long id, bool approve, CancellationToken cancellationToken)
    {
        var obj = DashboardObject.Of(http);
        var back = site.Object(obj.Ns, "approvals") + "?answered=" + DashboardFormat.Number(id) + "&outcome=";
        if (!await DashboardReads.IsHumanAsync(obj, cancellationToken).ConfigureAwait(false))
        {
            return Results.Redirect(back + "not-human#outcome", permanent: false, preserveMethod: false);
        }

        var form = await http.Request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        var comment = form["comment"].ToString().Trim();
        var by = http.User.Identity?.Name is { Length: > 0 } name ? name : "anonymous";
        try
        {
            await DashboardReads.Approvals(obj).Respond(id, approve, by, comment.Length == 0 ? null : comment, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // Someone else answered first, or it expired: the page says so instead of failing.
            return Results.Redirect(back + "gone#outcome", permanent: false, preserveMethod: false);
        }

        return Results.Redirect(back + (approve ? "approved" : "rejected") + "#outcome", permanent: false, preserveMethod: false);
    }

    private static void Outcome(HtmlWriter html, long id, string? outcome)
    {
        var (good, text) = outcome switch
        {
            "approved" => (true, $"Request {id} approved: the waiting action has the decision and runs on."),
            "rejected" => (true, $"Request {id} rejected: the waiting action has the decision and runs on."),
            "not-human" => (false, $"Request {id} was not answered: only a Human object has approvals."),
            _ => (false, $"Request {id} is no longer waiting: it was answered, escalated or expired meanwhile."),
        };
        html.Open("div", ("class", good ? "notice notice-good" : "notice notice-bad"), ("role", "status"), ("tabindex", "-1"), ("id", "outcome"))
            .Text(text).Close("div");
    }
}
