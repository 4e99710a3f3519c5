using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Do.AspNetCore.Dashboard;

/// <summary>The dashboard's routes: the objects list, one object's tabs, a thing, replay, approvals, the live feed and the assets.</summary>
internal static class DashboardEndpoints
{
    public static RouteGroupBuilder Map(IEndpointRouteBuilder endpoints, DashboardSite site)
    {
        var root = endpoints.MapGroup(site.Prefix);
        root.ExcludeFromDescription();

        // Styles and script hold no data; a sign-in page needs them before the visitor is signed in.
        root.MapGet("/assets/{name}", (HttpContext http, string name) => DashboardAssets.Serve(http, name)).AllowAnonymous();

        var pages = root.MapGroup("");
        pages.AddEndpointFilter(new DashboardFilter(site));
        if (site.Options.AllowAnonymous)
        {
            pages.AllowAnonymous();
        }

        pages.MapGet("/", (HttpContext http, string? q) => DashboardObjectsPage.Render(site, http, q));
        pages.MapGet("/o/{ns}", (HttpContext http, string ns, CancellationToken ct) => DashboardThingsPage.Render(site, http, ct));
        pages.MapGet("/o/{ns}/things/{noun}/{id}", (HttpContext http, string ns, string noun, string id, string? a, string? b, CancellationToken ct) => DashboardThingPage.Render(site, http, noun, id, a, b, ct));
        pages.MapGet("/o/{ns}/branches", (HttpContext http, string ns, CancellationToken ct) => DashboardBranchesPage.Render(site, http, ct));
        pages.MapGet("/o/{ns}/actions", (HttpContext http, string ns, string? status, long? before, CancellationToken ct) => DashboardActionsPage.Render(site, http, status, before, ct));
        pages.MapGet("/o/{ns}/events", (HttpContext http, string ns, CancellationToken ct) => DashboardEventsPage.Render(site, http, ct));
        pages.MapGet("/o/{ns}/dead-letters", (HttpContext http, string ns, bool? all, long? replayed, bool? ok, CancellationToken ct) => DashboardDeadLettersPage.Render(site, http, all ?? false, replayed, ok, ct));
        pages.MapPost("/o/{ns}/dead-letters/{id:long}/replay", (HttpContext http, string ns, long id, CancellationToken ct) => DashboardDeadLettersPage.Replay(site, http, id, ct));
        pages.MapGet("/o/{ns}/schedules", (HttpContext http, string ns, CancellationToken ct) => DashboardSchedulesPage.Render(site, http, ct));
        pages.MapGet("/o/{ns}/approvals", (HttpContext http, string ns, long? answered, string? outcome, CancellationToken ct) => DashboardApprovalsPage.Render(site, http, answered, outcome, ct));
        pages.MapPost("/o/{ns}/approvals/{id:long}/approve", (HttpContext http, string ns, long id, CancellationToken ct) => DashboardApprovalsPage.Decide(site, http, id, approve: true, ct));
        pages.MapPost("/o/{ns}/approvals/{id:long}/reject", (HttpContext http, string ns, long id, CancellationToken ct) => DashboardApprovalsPage.Decide(site, http, id, approve: false, ct));
        pages.MapGet("/o/{ns}/live", (HttpContext http, string ns, long? after) => DashboardLive.Stream(http, after));
        return root;
    }
}
