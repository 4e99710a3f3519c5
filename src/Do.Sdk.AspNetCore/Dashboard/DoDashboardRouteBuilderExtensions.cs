using Do;
using Do.AspNetCore;
using Do.AspNetCore.Dashboard;
using Microsoft.AspNetCore.Routing;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the operator dashboard of durable objects.</summary>
public static class DoDashboardRouteBuilderExtensions
{
    /// <summary>
    /// Maps a dashboard in the browser under <paramref name="prefix"/>: the objects (with search), each object's things
    /// with HEAD, history and a field diff between any two versions, branches, actions with status, attempts and
    /// errors, events, dead letters with replay, schedules with their next run, a Human's approvals with approve and
    /// reject, refreshed live from the object's events. It is server-rendered HTML with a small embedded script and stylesheet. Authorization is the HTTP API's:
    /// a visitor sees an object only with a <c>do:ns</c> claim granting its namespace (see
    /// <see cref="DoNamespaceAuthorization"/>), unless <see cref="DoDashboardOptions.AllowAnonymous"/>.
    /// </summary>
    /// <returns>The route group, for further conventions (<c>RequireAuthorization</c>, <c>RequireHost</c>, …).</returns>
    /// <exception cref="InvalidOperationException">No <c>DoHost</c> is registered.</exception>
    /// <exception cref="ArgumentException"><paramref name="prefix"/> does not start with '/'.</exception>
    public static RouteGroupBuilder MapDurableObjectsDashboard(this IEndpointRouteBuilder endpoints, string prefix = "/do/ui", Action<DoDashboardOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(prefix);
        if (!prefix.StartsWith('/'))
        {
            throw new ArgumentException($"The dashboard prefix \"{prefix}\" must be an absolute path such as /do/ui.", nameof(prefix));
        }

        if (endpoints.ServiceProvider.GetService(typeof(Microsoft.Extensions.DependencyInjection.IServiceProviderIsService)) is Microsoft.Extensions.DependencyInjection.IServiceProviderIsService services
            && !services.IsService(typeof(DoHost)))
        {
            throw new InvalidOperationException("MapDurableObjectsDashboard needs a DoHost in the services: call builder.Services.AddDurableObjects(o => o.DataPath = \"data\") first.");
        }

        var options = new DoDashboardOptions();
        configure?.Invoke(options);
        return DashboardEndpoints.Map(endpoints, new DashboardSite(prefix, options));
    }
}
