using Do;
using Do.AspNetCore;
using Do.Client;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps durable objects to minimal-API endpoints.</summary>
public static class DoEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps every object of the app's <c>DoHost</c> (registered with <c>services.AddDurableObjects(...)</c>) under
    /// <paramref name="prefix"/>: things at any ref, lists, history, diffs, verbs by name, writes, lifecycle, events
    /// (a JSON page, or server-sent events), dead letters and schedules; <c>Do.Client.DoClient</c> speaks this
    /// contract. The namespace is the first path segment, URL-encoded. A caller reaches an object only with a
    /// <c>do:ns</c> claim granting its namespace (see <see cref="DoNamespaceAuthorization"/>), unless
    /// <see cref="DoEndpointOptions.AllowAnonymous"/>. Errors are RFC 9457 problem details.
    /// </summary>
    /// <returns>The route group, for further conventions (<c>RequireRateLimiting</c>, <c>RequireCors</c>, …).</returns>
    /// <exception cref="InvalidOperationException">No <c>DoHost</c> is registered.</exception>
    public static RouteGroupBuilder MapDurableObjects(this IEndpointRouteBuilder endpoints, string prefix = DoClient.DefaultPrefix, Action<DoEndpointOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(prefix);
        if (endpoints.ServiceProvider.GetService(typeof(Microsoft.Extensions.DependencyInjection.IServiceProviderIsService)) is Microsoft.Extensions.DependencyInjection.IServiceProviderIsService services
            && !services.IsService(typeof(DoHost)))
        {
            throw new InvalidOperationException("MapDurableObjects needs a DoHost in the services: call builder.Services.AddDurableObjects(o => o.DataPath = \"data\") first.");
        }

        var options = new DoEndpointOptions();
        configure?.Invoke(options);
        if (options.MaxRequestBodySize <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(configure), options.MaxRequestBodySize, "DoEndpointOptions.MaxRequestBodySize must be a positive number of bytes, e.g. 1048576.");
        }

        var group = endpoints.MapGroup(prefix);
        group.AddEndpointFilter(new DoEndpointFilter(options));
        group.WithMetadata(new BodySizeLimit(options.MaxRequestBodySize));
        group.ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        if (options.AllowAnonymous)
        {
            group.AllowAnonymous();
        }

        if (options.RateLimiterPolicy is { } policy)
        {
            group.RequireRateLimiting(policy);
        }

        ThingEndpoints.Map(group);
        ObjectEndpoints.Map(group);
        ActionEndpoints.Map(group);
        GraphEndpoints.Map(group);
        WorkerEndpoints.Map(group);
        return group;
    }

    private sealed class BodySizeLimit(long max) : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize { get; } = max;
    }
}
