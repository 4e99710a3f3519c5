using System.Text;
using Microsoft.AspNetCore.Http;

namespace Do.AspNetCore.Dashboard;

/// <summary>A dashboard page: HTML, not cached, and allowed to load only the dashboard's own script and styles.</summary>
internal sealed class DashboardHtmlResult(string html, int status) : IResult
{
    public string Html { get; } = html;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = status;
        response.ContentType = "text/html; charset=utf-8";
        var headers = response.Headers;
        headers.CacheControl = "no-store";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'";
        await response.WriteAsync(Html, Encoding.UTF8, httpContext.RequestAborted).ConfigureAwait(false);
    }
}
