using Do.Client;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Do.AspNetCore.Dashboard;

/// <summary>
/// Runs before every dashboard page with the API's rules: an authenticated visitor (401), a namespace in the right
/// form (400) that the visitor is granted (403) and that the host has (404); a form post only from the dashboard's own
/// pages; and any error the object raises shown as a page with the status its kind calls for.
/// </summary>
internal sealed class DashboardFilter(DashboardSite site) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!site.Options.AllowAnonymous && http.User.Identity?.IsAuthenticated != true)
        {
            return Problem(StatusCodes.Status401Unauthorized, "Sign-in needed", $"The dashboard uses the app's authentication, like the HTTP API: sign in with credentials that carry \"{DoNamespaceAuthorization.ClaimType}\" claims for the objects you want to see (a cookie scheme, or an API key sent by a proxy).");
        }

        if (HttpMethods.IsPost(http.Request.Method) && !IsSameOrigin(http.Request))
        {
            return Problem(StatusCodes.Status403Forbidden, "Refused", "A form on another site tried to change an object here; the dashboard accepts changes only from its own pages.");
        }

        try
        {
            if (http.Request.RouteValues["ns"] is string raw)
            {
                var ns = ObjectNamespace.Parse(DoRoutes.Segment(raw));
                if (!site.Options.AllowAnonymous && !DoNamespaceAuthorization.IsGranted(http.User, ns))
                {
                    return Problem(StatusCodes.Status403Forbidden, "Not granted", $"You are not granted {ns}: your sign-in needs a \"{DoNamespaceAuthorization.ClaimType}\" claim equal to it or a pattern matching it (e.g. https://*.example).");
                }

                var host = http.RequestServices.GetRequiredService<DoHost>();
                if (!host.Catalog().Any(e => string.Equals(e.Namespace, ns.Value, StringComparison.Ordinal)))
                {
                    return Problem(StatusCodes.Status404NotFound, "No such object", $"This host has no object {ns}. The objects list shows those it has.");
                }

                DashboardObject.Attach(http, host, ns);
            }

            return await next(context).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return Results.Empty;
        }
        catch (Exception e) when (RemoteErrors.StatusOf(e) is { } status)
        {
            if (status >= 500)
            {
                http.RequestServices.GetService<ILoggerFactory>()?.CreateLogger("Do.AspNetCore.Dashboard").LogWarning(e, "{Method} {Path} failed", http.Request.Method, http.Request.Path);
            }

            return Problem(status, RemoteErrors.TitleOf(status), e.Message);
        }
    }

    // Browsers say where a form post comes from; one from another site (a forged form) must not replay or approve.
    private static bool IsSameOrigin(HttpRequest request)
    {
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0 && fetchSite is not ("same-origin" or "none"))
        {
            return false;
        }

        var origin = request.Headers.Origin.ToString();
        return origin.Length == 0 || origin == "null"
            ? fetchSite.Length > 0 || origin.Length == 0
            : Uri.TryCreate(origin, UriKind.Absolute, out var uri) && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }

    private DashboardHtmlResult Problem(int status, string title, string message)
        => (DashboardHtmlResult)DashboardLayout.Page(site, title, html =>
        {
            html.Element("h1", title);
            DashboardLayout.Error(html, title, message);
            html.Open("p").Link(site.Home, "Back to the objects").Close("p");
        }, status: status);
}
