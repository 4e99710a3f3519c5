namespace Do.AspNetCore;

/// <summary>How <c>MapDurableObjectsDashboard</c> shows objects.</summary>
public sealed class DoDashboardOptions
{
    /// <summary>
    /// Lets unauthenticated visitors see every object. Off by default: like the HTTP API, a visitor sees an object only
    /// with a <c>do:ns</c> claim granting its namespace (see <see cref="DoNamespaceAuthorization"/>).
    /// </summary>
    public bool AllowAnonymous { get; set; }

    /// <summary>The name shown in the dashboard's header and page titles. Default "Durable objects".</summary>
    public string Title { get; set; } = "Durable objects";
}
