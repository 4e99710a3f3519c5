using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans;

namespace Do.Orleans;

/// <summary>The silo's side of the grains' wake-ups (reminders, timers) and of per-silo disks.</summary>
internal sealed partial class DurableObjectsSilo
{
    // Next wake-ups written by the runtime since the object's grain last looked; the grain takes its own after each turn.
    private readonly ConcurrentDictionary<string, DateTimeOffset?> _alarms = new(StringComparer.Ordinal);
    private readonly IServiceProvider _services;

    /// <summary>True when the grains keep a reminder each: the option is on and the silo has a reminder service.</summary>
    public bool RemindersEnabled => Options.Reminders && _services.GetService<IServiceProviderIsService>()?.IsService(typeof(IReminderService)) == true;

    /// <summary>Asks the silos about their disks (per-silo disks).</summary>
    public ObjectDiskClient Disks => _disks ??= _services.GetRequiredService<ObjectDiskClient>();

    public ILogger Logger => _logger;

    /// <summary>Takes the next wake-up of <paramref name="ns"/> written since the last call; false when it did not change.</summary>
    public bool TakeAlarm(ObjectNamespace ns, out DateTimeOffset? at) => _alarms.TryRemove(ns.Value, out at);
}
