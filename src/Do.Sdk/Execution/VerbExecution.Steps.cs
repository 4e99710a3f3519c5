using Do.Hosting;
using Do.Storage;

namespace Do.Execution;

/// <summary>How the runner treats an attempt that suspended in a durable wait, and the callers that follow it.</summary>
internal static partial class VerbExecution
{
    /// <summary>User code that caught the suspension still suspends: the wait is journaled, the run cannot complete.</summary>
    private static void ThrowIfSuspended(ActionScope scope)
    {
        if (scope.Suspended)
        {
            throw new ActionSuspendedException(scope.Activation, scope.ActionId, "a durable wait its code caught");
        }
    }

    /// <summary>
    /// Records the action as waiting. The suspended run is not counted as an attempt (the next run is the same attempt
    /// again), the object's alarm follows the wait's timer, and the caller may follow the action to its completion.
    /// </summary>
    private static void Suspend(ObjectActivation activation, long actionId, int attempts, ActionSuspendedException suspended)
    {
        activation.Database.Actions.SetStatus(actionId, ActionStatus.Waiting, Math.Max(0, attempts - 1), null);
        activation.RefreshAlarm();
        suspended.Completion = ActionWaiters.Of(activation.Host).Register(activation.Namespace, actionId);
    }

    private static void Completed(ObjectActivation activation, long? resumeActionId, string? output)
    {
        if (resumeActionId is long id)
        {
            ActionWaiters.Of(activation.Host).Complete(activation.Namespace, id, output);
        }
    }

    private static ActionFailedException Failed(ObjectActivation activation, long? resumeActionId, ActionFailedException failed)
    {
        if (resumeActionId is long id)
        {
            ActionWaiters.Of(activation.Host).Fail(activation.Namespace, id, failed);
        }

        return failed;
    }
}
