using Orleans;
using Orleans.Hosting;

namespace Do.Orleans;

/// <summary>Prepares an Orleans client for durable objects.</summary>
public static class ClientBuilderExtensions
{
    /// <summary>
    /// Lets the client receive the objects' own exceptions (<see cref="ThingNotFoundException"/>,
    /// <see cref="MergeConflictException"/>, …) with their messages, and joins Orleans' activity propagation so one
    /// trace spans client → silo → object. Then use <see cref="ClusterClientExtensions.Object{TObject}(IClusterClient, string)"/>.
    /// </summary>
    public static IClientBuilder AddDurableObjects(this IClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddActivityPropagation();
        builder.Services.AddDoExceptions();
        return builder;
    }
}
