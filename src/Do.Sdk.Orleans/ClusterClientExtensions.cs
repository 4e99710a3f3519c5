using Do.Infrastructure;
using Orleans;

namespace Do.Orleans;

/// <summary>The typed DSL over a cluster: <c>client.Object&lt;Studio&gt;("https://startups.studio")</c>, as <c>host.Object&lt;Studio&gt;</c> on the embedded host.</summary>
public static class ClusterClientExtensions
{
    /// <summary>
    /// A client for the object <paramref name="ns"/> of class <typeparamref name="TObject"/>, reached through its grain.
    /// The object is created on its first call if the cluster's catalog does not have it.
    /// </summary>
    /// <exception cref="InvalidNamespaceException">The namespace is not an absolute http(s) URL.</exception>
    public static ObjectClient<TObject> Object<TObject>(this IClusterClient client, string ns)
        where TObject : DurableObject, new()
        => Object<TObject>((IGrainFactory)client, ns);

    /// <summary>A client for the object <paramref name="ns"/> of class <typeparamref name="TObject"/>, from inside the cluster (a grain, a silo service).</summary>
    /// <exception cref="InvalidNamespaceException">The namespace is not an absolute http(s) URL.</exception>
    public static ObjectClient<TObject> Object<TObject>(this IGrainFactory grains, string ns)
        where TObject : DurableObject, new()
    {
        ArgumentNullException.ThrowIfNull(grains);
        return new ObjectClient<TObject>(new OrleansObjectTransport(grains, ObjectNamespace.Parse(ns), DoRegistry.ForType<TObject>().Name));
    }
}
