using Do.Hosting;
using Do.Storage;
using Microsoft.Extensions.Logging;

namespace Do;

/// <summary>What wakes objects without a caller: crash recovery at start, and due schedules of inactive objects.</summary>
public sealed partial class DoHost
{
    private async Task RecoverAsync()
    {
        await Task.Yield();
        var failures = new List<(string Namespace, Exception Error)>();
        foreach (var ns in _catalog.Pending())
        {
            // A class registered on first use (host.Object<Business>(...), no generated registration) is unknown until the
            // program names it: not a failure. The object stays pending and its first call, which names the class, recovers it.
            if (_catalog.Find(ObjectNamespace.Parse(ns)) is { } entry && DoRegistry.FindObject(entry.Class) is null)
            {
                continue;
            }

            try
            {
                // A turn that does nothing: activation itself delivers undispatched events and resumes open actions.
                await RunAsync(new ObjectTarget(this, ObjectNamespace.Parse(ns), null), static _ => ValueTask.FromResult(true), CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not ObjectDisposedException)
            {
                Logger.LogError(e, "Recovering {Namespace} failed", ns);
                failures.Add((ns, e));
            }
        }

        if (failures.Count > 0)
        {
            throw new RecoveryFailedException(failures);
        }
    }

    private void RunDueSchedules()
    {
        if (_disposing || Options.Integration is { ActivatesObjects: true } || Interlocked.Exchange(ref _schedulerRunning, 1) == 1)
        {
            return;
        }

        var run = RunDueSchedulesAsync();
        Observe(run, "schedules");
    }

    /// <summary>Runs every due schedule now (the scheduler timer calls this each <see cref="DoHostOptions.SchedulerInterval"/>); inactive objects are woken.</summary>
    internal async Task RunDueSchedulesAsync()
    {
        try
        {
            foreach (var ns in _catalog.Due(Time.GetUtcNow()))
            {
                if (_disposing)
                {
                    return;
                }

                try
                {
                    await RunAsync(new ObjectTarget(this, ObjectNamespace.Parse(ns), null), a => new ValueTask<DateTimeOffset?>(a.RunDueSchedulesAsync()), CancellationToken.None).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not ObjectDisposedException)
                {
                    Logger.LogError(e, "Running the schedules of {Namespace} failed", ns);
                }
            }
        }
        finally
        {
            Volatile.Write(ref _schedulerRunning, 0);
            Rearm(_scheduleTimer, Options.SchedulerInterval);
        }
    }
}
