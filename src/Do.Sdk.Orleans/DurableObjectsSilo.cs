using System.Collections.Concurrent;
using Do.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;

namespace Do.Orleans;

/// <summary>
/// A silo's side of durable objects: the embedded object runtime (a <see cref="DoHost"/> over the silo's data root)
/// whose objects are opened only by their grains, the fences those grains hold, and the loops that wake objects —
/// after a silo dies (their open actions resume, undispatched events are delivered) and when a schedule is due.
/// </summary>
internal sealed partial class DurableObjectsSilo : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private readonly IGrainFactory _grains;
    private readonly IClusterMembershipService _membership;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, IDisposable> _fences = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private ITimer? _wakeTimer;
    private Task _watching = Task.CompletedTask;
    private int _waking;
    private ObjectDiskClient? _disks;

    public DurableObjectsSilo(DoHostOptions hostOptions, DurableObjectsOptions options, IGrainFactory grains, IClusterMembershipService membership, ILocalSiloDetails silo, ILoggerFactory loggerFactory, IServiceProvider services)
    {
        options.Validate();
        CallChainContext.Install();
        _grains = grains;
        _membership = membership;
        _logger = loggerFactory.CreateLogger("Do.Sdk.Orleans");
        _services = services;
        Options = options;
        SiloName = silo.Name;
        SiloAddress = silo.SiloAddress;
        hostOptions.LoggerFactory ??= loggerFactory;
        hostOptions.Integration = new HostIntegration
        {
            // Every other object is reached through its grain, wherever the cluster placed it.
            Route = (ns, objectClass) => new OrleansObjectTransport(grains, ns, objectClass?.Name),
            ActivatesObjects = true,
            AlarmChanged = (ns, at) => _alarms[ns.Value] = at,
        };
        Host = DoHost.StartAsync(hostOptions).GetAwaiter().GetResult();
        Fence = new FileFence(Host.DataPath, hostOptions.TimeProvider);
    }

    public DoHost Host { get; }

    public FileFence Fence { get; }

    public DurableObjectsOptions Options { get; }

    public string SiloName { get; }

    public SiloAddress SiloAddress { get; }

    public IClusterMembershipService Membership => _membership;

    /// <summary>Takes the fence of <paramref name="ns"/> for an activation of its grain on this silo.</summary>
    public async Task<IDisposable> HoldAsync(ObjectNamespace ns, CancellationToken cancellationToken)
    {
        var held = await Fence.AcquireAsync(ns, Options.FenceTimeout, cancellationToken).ConfigureAwait(false);
        _fences[ns.Value] = held;
        return new Release(this, ns.Value, held);
    }

    /// <summary>Closes the object's database in this silo's runtime (waiting for calls still in it) so its fence can go.</summary>
    public async Task CloseAsync(ObjectNamespace ns, CancellationToken cancellationToken)
    {
        while (Host.ActivationOf(ns) is not null && !await Host.DeactivateAsync(ns.Value, cancellationToken).ConfigureAwait(false))
        {
            // Still in use (a Send dispatched in the background, a turn finishing): let it finish first.
            await Task.Delay(TimeSpan.FromMilliseconds(5), Host.Options.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Participate(ISiloLifecycle lifecycle)
    {
        lifecycle.Subscribe(nameof(DurableObjectsSilo), ServiceLifecycleStage.Active, StartAsync, StopWakingAsync);

        // Closed after the grains are gone (stop runs stages in reverse), so their deactivation still finds the runtime.
        lifecycle.Subscribe(nameof(DurableObjectsSilo) + ".Runtime", ServiceLifecycleStage.RuntimeGrainServices, _ => Task.CompletedTask, StopRuntimeAsync);
    }

    private Task StartAsync(CancellationToken cancellationToken)
    {
        if (Options.Reminders && !RemindersEnabled)
        {
            GrainLog.NoReminderService(_logger, SiloName);
        }

        _wakeTimer = Host.Options.TimeProvider.CreateTimer(static state => ((DurableObjectsSilo)state!).WakeDue(), this, Options.WakeInterval, Timeout.InfiniteTimeSpan);
        _watching = Task.Run(() => WatchMembershipAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    private async Task StopWakingAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_wakeTimer is not null)
        {
            await _wakeTimer.DisposeAsync().ConfigureAwait(false);
        }

        await _watching.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task StopRuntimeAsync(CancellationToken cancellationToken)
    {
        // A killed silo (cancelled token) stops like a dying process: nothing waits for its calls, and its fences go
        // as the operating system would release them. A graceful stop drains the runtime first.
        if (!cancellationToken.IsCancellationRequested)
        {
            await Host.DisposeAsync().ConfigureAwait(false);
        }
        else
        {
            _ = Host.DisposeAsync().AsTask().ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
        }

        foreach (var key in _fences.Keys)
        {
            if (_fences.TryRemove(key, out var held))
            {
                held.Dispose();
            }
        }
    }

    /// <summary>Wakes the objects that may have been left with open actions or undispatched events (at start, and when a silo dies).</summary>
    private async Task WatchMembershipAsync(CancellationToken cancellationToken)
    {
        var dead = new HashSet<SiloAddress>();
        try
        {
            await WakeAsync(Host.PendingObjects(), cancellationToken).ConfigureAwait(false);
            await foreach (var snapshot in _membership.MembershipUpdates.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                var died = false;
                foreach (var member in snapshot.Members.Values)
                {
                    died |= member.Status == SiloStatus.Dead && dead.Add(member.SiloAddress);
                }

                if (died)
                {
                    await WakeAsync(Host.PendingObjects(), cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            Log.WatchFailed(_logger, e);
        }
    }

    private void WakeDue()
    {
        if (_stopping.IsCancellationRequested || Interlocked.Exchange(ref _waking, 1) == 1)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await WakeAsync(Host.DueObjects(Host.Options.TimeProvider.GetUtcNow()), _stopping.Token).ConfigureAwait(false);
            }
            finally
            {
                Volatile.Write(ref _waking, 0);
                try
                {
                    _wakeTimer?.Change(Options.WakeInterval, Timeout.InfiniteTimeSpan);
                }
                catch (ObjectDisposedException)
                {
                    // Stopping.
                }
            }
        });
    }

    private async Task WakeAsync(IReadOnlyList<string> namespaces, CancellationToken cancellationToken)
    {
        foreach (var ns in namespaces)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            try
            {
                // The grain call goes wherever the object's one activation is (or creates it there).
                await _grains.GetGrain<IDurableObjectGrain>(ns).Wake().WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.WakeFailed(_logger, ns, e);
            }
        }
    }

    /// <summary>The container disposes the silo's services after it stops; the runtime was closed by then.</summary>
    public void Dispose() => _stopping.Dispose();

    private sealed class Release(DurableObjectsSilo silo, string ns, IDisposable held) : IDisposable
    {
        public void Dispose()
        {
            if (silo._fences.TryRemove(new KeyValuePair<string, IDisposable>(ns, held)))
            {
                held.Dispose();
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Waking {Namespace} failed")]
        public static partial void WakeFailed(ILogger logger, string @namespace, Exception exception);

        [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "Watching cluster membership for dead silos failed")]
        public static partial void WatchFailed(ILogger logger, Exception exception);
    }
}
