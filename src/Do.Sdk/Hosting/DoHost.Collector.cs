using Do.Hosting;
using Do.Storage;
using Microsoft.Extensions.Logging;

namespace Do;

/// <summary>The host's collector: closing idle objects, and the least recently used ones past the cap.</summary>
public sealed partial class DoHost
{
    private async Task<bool> TryCloseAsync(ObjectActivation activation)
    {
        if (!activation.TryBeginClose())
        {
            return false;
        }

        // Removed only once closed: until then callers find it closing and wait, so the file is never open twice.
        try
        {
            await activation.CloseAsync().ConfigureAwait(false);
        }
        finally
        {
            _activations.TryRemove(new KeyValuePair<string, ObjectActivation>(activation.Namespace.Value, activation));
        }

        return true;
    }

    private async Task SweepIdleAsync()
    {
        if (_disposing)
        {
            return;
        }

        try
        {
            foreach (var activation in _activations.Values)
            {
                if (activation.Users == 0 && Time.GetElapsedTime(activation.LastUsed) >= Options.IdleTimeout)
                {
                    await TryCloseAsync(activation).ConfigureAwait(false);
                }
            }
        }
        catch (Exception e)
        {
            Logger.LogError(e, "Idle sweep failed");
        }
        finally
        {
            Rearm(_idleTimer, _sweepInterval);
        }
    }

    private void Rearm(ITimer timer, TimeSpan due)
    {
        if (_disposing)
        {
            return;
        }

        try
        {
            timer.Change(due, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // Disposed between the check and the call: the host is stopping.
        }
    }

    private async Task EvictAsync()
    {
        var excess = _activations.Count - Options.MaxActiveObjects;
        if (excess <= 0)
        {
            return;
        }

        // Least recently used first; objects in use are skipped, so the cap is exceeded only while they all work.
        var candidates = _activations.Values.Where(a => a.Users == 0).OrderBy(a => a.LastUsed).Take(excess).ToList();
        foreach (var activation in candidates)
        {
            await TryCloseAsync(activation).ConfigureAwait(false);
        }
    }
}
