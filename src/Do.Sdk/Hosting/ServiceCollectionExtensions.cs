using Do;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Do.Sdk's embedded host with Microsoft.Extensions.Hosting.</summary>
public static class DoServiceCollectionExtensions
{
    /// <summary>
    /// Adds a singleton <see cref="DoHost"/> (started with the application host, drained and closed when it stops).
    /// A <see cref="TimeProvider"/>, an <see cref="ILoggerFactory"/> and an <c>IChatClient</c> registered in the container are used unless
    /// <paramref name="configure"/> sets its own.
    /// </summary>
    public static IServiceCollection AddDurableObjects(this IServiceCollection services, Action<DoHostOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(provider =>
        {
            var options = new DoHostOptions
            {
                TimeProvider = provider.GetService<TimeProvider>() ?? TimeProvider.System,
                LoggerFactory = provider.GetService<ILoggerFactory>(),
                ChatClient = provider.GetService<Microsoft.Extensions.AI.IChatClient>(),
            };
            configure?.Invoke(options);
            return DoHost.StartAsync(options).GetAwaiter().GetResult();
        });
        services.AddHostedService<DoHostedService>();
        return services;
    }

    private sealed class DoHostedService(DoHost host) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public async Task StopAsync(CancellationToken cancellationToken) => await host.DisposeAsync().ConfigureAwait(false);
    }
}
