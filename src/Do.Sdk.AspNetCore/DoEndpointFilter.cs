using Do.Client;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Do.AspNetCore;

/// <summary>
/// Runs before every object endpoint: authenticates (401), reads the namespace from the route (400), checks the
/// caller's <c>do:ns</c> grants (403), resolves the object; after it, turns the object's exceptions into problem
/// details with the status their kind calls for.
/// </summary>
internal sealed class DoEndpointFilter(DoEndpointOptions options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!options.AllowAnonymous && http.User.Identity?.IsAuthenticated != true)
        {
            return new ProblemResult(StatusCodes.Status401Unauthorized, nameof(UnauthorizedAccessException), "This endpoint needs an authenticated caller: send credentials (e.g. an API key) granting the object's namespace.");
        }

        try
        {
            var ns = ObjectNamespace.Parse(DoRoutes.Segment(http.Request.RouteValues["ns"] as string ?? ""));
            if (!options.AllowAnonymous && !DoNamespaceAuthorization.IsGranted(http.User, ns))
            {
                return Forbidden(ns);
            }

            if (http.Request.RouteValues["to"] is string to && !options.AllowAnonymous && !DoNamespaceAuthorization.IsGranted(http.User, ObjectNamespace.Parse(DoRoutes.Segment(to))))
            {
                return Forbidden(ObjectNamespace.Parse(DoRoutes.Segment(to)));
            }

            string? actor = null;
            if (http.Request.Headers[DoRoutes.ActorHeader].ToString() is { Length: > 0 } header)
            {
                actor = Uri.UnescapeDataString(header);
                if (!DoActorAuthorization.IsGranted(http.User, actor))
                {
                    return new ProblemResult(StatusCodes.Status403Forbidden, nameof(UnauthorizedAccessException), $"The caller may not act as \"{actor}\" ({DoRoutes.ActorHeader} header): it needs a \"{DoActorAuthorization.ClaimType}\" claim equal to it or a pattern matching it (e.g. user:*). Without the header, calls are recorded as the caller, \"{DoActorAuthorization.Own(http.User)}\".");
                }
            }

            DoRequest.Attach(http, ns, actor ?? DoActorAuthorization.Own(http.User));
            return await next(context).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The caller went away; nobody is left to read an answer.
            return Results.Empty;
        }
        catch (BadHttpRequestException e)
        {
            return new ProblemResult(e.StatusCode, nameof(BadHttpRequestException), e.Message);
        }
        catch (Exception e) when (RemoteErrors.StatusOf(e) is { } status)
        {
            if (status >= 500)
            {
                Log(http, e);
            }

            return new ProblemResult(e, status);
        }
    }

    private static ProblemResult Forbidden(ObjectNamespace ns)
        => new(StatusCodes.Status403Forbidden, nameof(UnauthorizedAccessException), $"The caller is not granted {ns}: it needs a \"{DoNamespaceAuthorization.ClaimType}\" claim equal to it or a pattern matching it (e.g. https://*.example).");

    private static void Log(HttpContext http, Exception exception)
        => http.RequestServices.GetService<ILoggerFactory>()?.CreateLogger("Do.AspNetCore").LogWarning(exception, "{Method} {Path} failed", http.Request.Method, http.Request.Path);
}
