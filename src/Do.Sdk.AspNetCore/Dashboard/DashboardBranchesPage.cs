using Microsoft.AspNetCore.Http;

namespace Do.AspNetCore.Dashboard;

/// <summary>An object's branches, main first, with the one checked out marked.</summary>
internal static class DashboardBranchesPage
{
    public static async Task<IResult> Render(DashboardSite site, HttpContext http, CancellationToken cancellationToken)
    {
        var obj = DashboardObject.Of(http);
        var branches = await obj.Client.Branches(cancellationToken).ConfigureAwait(false);
        var checkedOut = await obj.Client.CheckedOut(cancellationToken).ConfigureAwait(false);
        var last = await DashboardReads.LastSequenceAsync(obj, cancellationToken).ConfigureAwait(false);
        return DashboardLayout.Page(site, "Branches · " + obj.Ns, html =>
        {
            html.Element("h1", "Branches");
            html.Open("div", ("id", "live-region"));
            if (checkedOut.StartsWith('@'))
            {
                html.Open("p", ("class", "notice")).Text("A read-only view is checked out: ").Element("code", checkedOut).Close("p");
            }

            html.Open("ul", ("class", "branches"));
            foreach (var branch in branches)
            {
                html.Open("li").Element("code", branch);
                if (branch == checkedOut)
                {
                    html.Text(" ").Badge("checked out", "good");
                }

                html.Close("li");
            }

            html.Close("ul");
            if (branches.Count == 1)
            {
                html.Element("p", "Only main so far: studio.Branch(\"experiment\") starts another line of history.", ("class", "muted"));
            }

            html.Close("div");
        }, obj.Ns, DashboardTab.Branches, last);
    }
}
