using Do.Hosting;
using Microsoft.AspNetCore.Http;

namespace Do.AspNetCore.Dashboard;

/// <summary>The object a dashboard page shows, as the filter resolved it: granted to the visitor and known to the host.</summary>
internal sealed class DashboardObject
{
    private static readonly object Key = new();

    private DashboardObject(DoHost host, ObjectNamespace ns)
    {
        Host = host;
        Namespace = ns;
        Client = host.Object(ns.Value);
        Target = new ObjectTarget(host, ns, null);
    }

    public DoHost Host { get; }

    public ObjectNamespace Namespace { get; }

    public string Ns => Namespace.Value;

    /// <summary>The public client, for everything it offers.</summary>
    public ObjectClient Client { get; }

    /// <summary>The object in this process, for the reads the client has no call for (which nouns it holds, its newest event).</summary>
    public ObjectTarget Target { get; }

    public DateTimeOffset Now => Host.Options.TimeProvider.GetUtcNow();

    public static DashboardObject Of(HttpContext http) => (DashboardObject)http.Items[Key]!;

    public static void Attach(HttpContext http, DoHost host, ObjectNamespace ns) => http.Items[Key] = new DashboardObject(host, ns);
}
