using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Hosting;
using Orleans.Runtime;

namespace Do.Orleans;

/// <summary>Runs durable objects on an Orleans silo.</summary>
public static class SiloBuilderExtensions
{
    /// <summary>
    /// Adds durable objects to the silo: one embedded object runtime over <see cref="DoHostOptions.DataPath"/> whose
    /// objects run as grains keyed by their namespace URL, with fences on the data root, wake-ups after a silo dies and
    /// for due schedules, Do's exceptions carried to callers, and Orleans' activity propagation (one trace from client
    /// to object). Point every silo at one shared data root, or see docs/orleans.md for the topologies.
    /// </summary>
    public static ISiloBuilder AddDurableObjects(this ISiloBuilder builder, Action<DoHostOptions> configure)
        => AddDurableObjects(builder, configure, null);

    /// <summary>As <see cref="AddDurableObjects(ISiloBuilder, Action{DoHostOptions})"/>, with the cluster-side options too.</summary>
    public static ISiloBuilder AddDurableObjects(this ISiloBuilder builder, Action<DoHostOptions> configure, Action<DurableObjectsOptions>? configureCluster)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.AddActivityPropagation();
        builder.Services.AddDoExceptions();
        builder.AddGrainService<ObjectDiskService>();
        builder.Services.AddSingleton<ObjectDiskClient>();
        builder.Services.AddPlacementDirector<DurableObjectPlacement, DurableObjectPlacementDirector>();
        builder.Services.AddSingleton(provider =>
        {
            var options = new DoHostOptions
            {
                TimeProvider = provider.GetService<TimeProvider>() ?? TimeProvider.System,
                LoggerFactory = provider.GetService<ILoggerFactory>(),
            };
            configure(options);
            var cluster = new DurableObjectsOptions();
            configureCluster?.Invoke(cluster);
            return new DurableObjectsSilo(
                options,
                cluster,
                provider.GetRequiredService<IGrainFactory>(),
                provider.GetRequiredService<IClusterMembershipService>(),
                provider.GetRequiredService<ILocalSiloDetails>(),
                provider.GetRequiredService<ILoggerFactory>(),
                provider);
        });
        builder.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(provider => provider.GetRequiredService<DurableObjectsSilo>());
        return builder;
    }
}
