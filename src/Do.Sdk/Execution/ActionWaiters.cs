using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Do.Execution;

/// <summary>
/// Callers following a durable action that suspended: the caller awaits the action's completion here, outside the
/// object's turn, and a later run (after the timer or signal) completes or fails it. One table per host.
/// </summary>
internal sealed class ActionWaiters
{
    private static readonly ConditionalWeakTable<DoHost, ActionWaiters> s_hosts = new();
    private readonly ConcurrentDictionary<(string Ns, long Action), TaskCompletionSource<string?>> _waiting = new();

    public static ActionWaiters Of(DoHost host) => s_hosts.GetValue(host, static _ => new ActionWaiters());

    public Task<string?> Register(ObjectNamespace ns, long action)
        => _waiting.GetOrAdd((ns.Value, action), static _ => new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Complete(ObjectNamespace ns, long action, string? output)
    {
        if (_waiting.TryRemove((ns.Value, action), out var waiter))
        {
            waiter.TrySetResult(output);
        }
    }

    public void Fail(ObjectNamespace ns, long action, Exception error)
    {
        if (_waiting.TryRemove((ns.Value, action), out var waiter))
        {
            waiter.TrySetException(error);
        }
    }

    /// <summary>
    /// Awaits a call that runs a durable action; if the action suspended, waits (without the turn) for a later run to
    /// finish it. A caller inside the object's own turn cannot: it gets <see cref="ActionWaitingException"/>.
    /// </summary>
    public static async Task<string?> Follow(Task<string?> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call.ConfigureAwait(false);
        }
        catch (ActionSuspendedException suspended)
        {
            if (suspended.Activation.IsInTurn || suspended.Completion is null)
            {
                throw new ActionWaitingException(suspended.Activation.Namespace.Value, suspended.ActionId);
            }

            return await suspended.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
