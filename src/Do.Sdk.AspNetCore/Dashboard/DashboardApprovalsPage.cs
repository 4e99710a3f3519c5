using Microsoft.AspNetCore.Http;

namespace Do.AspNetCore.Dashboard;

/// <summary>
/// Requests waiting for a person to approve or reject. The place is kept, and linked from every object, for the human
/// approvals of the workers work; until the runtime records approvals there is nothing to list or decide.
/// </summary>
internal static class DashboardApprovalsPage
{
    public static IResult Render(DashboardSite site, HttpContext http)
    {
        var obj = DashboardObject.Of(http);
        return DashboardLayout.Page(site, "Approvals · " + obj.Ns, html =>
        {
            html.Element("h1", "Approvals");
            DashboardLayout.Empty(html, "Approvals are not available yet", "This host's runtime does not record human approvals yet. Once it does, requests waiting for a decision are listed here with Approve and Reject.");
        }, obj.Ns, DashboardTab.Approvals);
    }
}
