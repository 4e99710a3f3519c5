using Do.Hosting;
using Microsoft.Extensions.Logging;

namespace Do;

/// <summary>Calls in flight and the fire-and-forget work they start: counted, so that stopping the host waits for them.</summary>
public sealed partial class DoHost
{
    /// <summary>Tracks fire-and-forget work (Send) so its failures are logged and dispose waits for it.</summary>
    internal void Observe(Task task, string description)
    {
        _background[task] = description;
        _ = task.ContinueWith(
            (t, state) =>
            {
                var (host, what) = ((DoHost, string))state!;
                host._background.TryRemove(t, out _);
                if (t.Exception is { } e)
                {
                    host.Logger.LogError(e.GetBaseException(), "Background work failed: {Work}", what);
                }
            },
            (this, description),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>
    /// Starts work in turns of its own, after the current one (a verb sent with <c>AsSend()</c>, an event sent with
    /// <c>ctx.Send</c>, a resumed action), detached from the current call chain (<see cref="CallChain.RunDetached"/>);
    /// failures are logged. It counts as a call in flight from the moment it starts, so stopping the host waits for
    /// it. Once the host is stopping, only work started inside a turn still runs (it belongs to that turn's call, and
    /// its calls are let in as the turn's own are); other work is refused, and the refusal logged.
    /// </summary>
    internal void RunDetached<T>(Func<Task<T>> work, string description)
    {
        // Counted before it is checked, as RunAsync counts its calls: a stop that begins now waits for this work, and one
        // that began before refuses it (unless a turn in flight started it).
        Interlocked.Increment(ref _inflight);
        var admitted = CallChain.IsInAnyTurn || !_disposing;
        if (!admitted)
        {
            ExitInflight();
        }

        Observe(RunCountedAsync(), description);

        async Task<T> RunCountedAsync()
        {
            try
            {
                return await CallChain.RunDetached(() =>
                {
                    s_detachedFromCallInFlight.Value = admitted;
                    return work();
                }).ConfigureAwait(false);
            }
            finally
            {
                if (admitted)
                {
                    ExitInflight();
                }
            }
        }
    }

    /// <summary>Set in work that <see cref="RunDetached"/> started from a call in flight: its calls are part of that call.</summary>
    private static readonly AsyncLocal<bool> s_detachedFromCallInFlight = new();

    /// <summary>True when the current flow's calls belong to a call in flight, which stopping waits for.</summary>
    private static bool IsPartOfCallInFlight => CallChain.IsInAnyTurn || s_detachedFromCallInFlight.Value;

    private void ExitInflight()
    {
        if (Interlocked.Decrement(ref _inflight) == 0 && _disposing)
        {
            Volatile.Read(ref _drained)?.TrySetResult();
        }
    }
}
