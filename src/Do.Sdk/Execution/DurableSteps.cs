using Do.Hosting;
using Do.Storage;

namespace Do.Execution;

/// <summary>
/// Durable steps by replay: each step of an action has a position (its call order) in the action's journal. A step
/// already journaled returns its recorded result; a new one runs and is journaled (its own small transaction) before
/// the action goes on. A wait records what it waits for and ends the attempt with <see cref="ActionSuspendedException"/>;
/// the action runs again from the top when the timer is due or the signal arrives.
/// </summary>
internal static class DurableSteps
{
    public const string StepKind = "step";
    public const string SleepKind = "sleep";
    public const string SignalKind = "signal";

    /// <summary>Runs or replays one step; outside a durable action the work simply runs (nothing to journal into).</summary>
    public static async Task<string?> RunAsync(ObjectActivation activation, string name, string kind, Func<CancellationToken, Task<string?>> work)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(work);
        var scope = ActionScope.For(activation);
        if (scope is not { ActionId: > 0 })
        {
            return await work(scope?.CancellationToken ?? CancellationToken.None).ConfigureAwait(false);
        }

        var seq = scope.NextStep();
        var db = activation.Database;
        if (db.Steps.Get(scope.ActionId, seq) is { } step)
        {
            Check(step, name, kind);
            if (step.Done)
            {
                return step.Result;
            }
        }

        var result = await work(scope.CancellationToken).ConfigureAwait(false);
        db.Steps.Done(scope.ActionId, seq, name, kind, result);
        return result;
    }

    public static void Sleep(ObjectActivation activation, TimeSpan duration)
    {
        var scope = Require(activation, "ctx.Sleep");
        var seq = scope.NextStep();
        var db = activation.Database;
        var now = db.NowMilliseconds();
        if (db.Steps.Get(scope.ActionId, seq) is { } step)
        {
            Check(step, SleepKind, SleepKind);
            if (step.Done)
            {
                return;
            }

            if (step.WakeAt <= now)
            {
                db.Steps.Wake(scope.ActionId, seq, null, timedOut: false);
                return;
            }

            throw Suspend(activation, scope, $"a timer due at {DateTimeOffset.FromUnixTimeMilliseconds(step.WakeAt ?? now):O}");
        }

        if (duration <= TimeSpan.Zero)
        {
            db.Steps.Done(scope.ActionId, seq, SleepKind, SleepKind, null);
            return;
        }

        var wake = checked(now + (long)Math.Ceiling(duration.TotalMilliseconds));
        db.Steps.Wait(scope.ActionId, seq, SleepKind, SleepKind, null, wake);
        throw Suspend(activation, scope, $"a timer due at {DateTimeOffset.FromUnixTimeMilliseconds(wake):O}");
    }

    /// <summary>The JSON value of <paramref name="signal"/>; throws <see cref="SignalTimeoutException"/> once the timeout passed.</summary>
    public static string? WaitFor(ObjectActivation activation, string signal, TimeSpan timeout)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(signal);
        if (timeout < TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, $"A WaitFor timeout of {timeout} is negative; pass a positive TimeSpan, or Timeout.InfiniteTimeSpan to wait without limit.");
        }

        var scope = Require(activation, "ctx.WaitFor");
        var seq = scope.NextStep();
        var db = activation.Database;
        var now = db.NowMilliseconds();
        if (db.Steps.Get(scope.ActionId, seq) is { } step)
        {
            Check(step, signal, SignalKind);
            if (step.Done)
            {
                return step.TimedOut ? throw new SignalTimeoutException(signal, scope.ActionId, timeout) : step.Result;
            }

            if (db.Steps.TryTake(scope.ActionId, signal, out var buffered))
            {
                db.Steps.Wake(scope.ActionId, seq, buffered, timedOut: false);
                return buffered;
            }

            if (step.WakeAt <= now)
            {
                db.Steps.Wake(scope.ActionId, seq, null, timedOut: true);
                throw new SignalTimeoutException(signal, scope.ActionId, timeout);
            }

            throw Suspend(activation, scope, $"the signal \"{signal}\"");
        }

        if (db.Steps.TryTake(scope.ActionId, signal, out var early))
        {
            db.Steps.Done(scope.ActionId, seq, signal, SignalKind, early);
            return early;
        }

        long? wake = timeout == Timeout.InfiniteTimeSpan ? null : checked(now + (long)Math.Ceiling(timeout.TotalMilliseconds));
        db.Steps.Wait(scope.ActionId, seq, signal, SignalKind, signal, wake);
        throw Suspend(activation, scope, $"the signal \"{signal}\"");
    }

    /// <summary>
    /// Delivers a signal inside the object's turn: to the action's wait if it waits on it now (then the action is
    /// pending again and true is returned: the caller re-runs it after the turn), else kept for its later WaitFor.
    /// </summary>
    public static bool Signal(ObjectActivation activation, long actionId, string signal, string? valueJson)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(signal);
        var db = activation.Database;
        var action = db.Actions.Get(actionId)
            ?? throw new ArgumentException($"{activation.Namespace} has no action {actionId}; a signal goes to the id of a running or waiting durable action (ctx.ActionId inside it, or ObjectClient.Actions()).", nameof(actionId));
        if (action.Status is ActionStatus.Completed or ActionStatus.Failed or ActionStatus.Undone)
        {
            throw new InvalidOperationException($"Action {actionId} of {activation.Namespace} is {action.Status.ToString().ToLowerInvariant()}; the signal \"{signal}\" can reach only an action that is running or waiting.");
        }

        if (action.Status == ActionStatus.Waiting && db.Steps.WaitingOf(actionId) is { Kind: SignalKind } waiting && waiting.Signal == signal)
        {
            db.InTransaction(() =>
            {
                db.Steps.Wake(actionId, waiting.Seq, valueJson, timedOut: false);
                db.Actions.SetStatus(actionId, ActionStatus.Pending, action.Attempts, null);
            });
            activation.MarkPending();
            return true;
        }

        db.Steps.Buffer(actionId, signal, valueJson);
        return false;
    }

    /// <summary>Ends every wait whose timer is due (a sleep wakes, a WaitFor times out) and returns the actions to re-run.</summary>
    public static IReadOnlyList<long> WakeDue(ObjectActivation activation)
    {
        var db = activation.Database;
        var due = db.Steps.DueWaits(db.NowMilliseconds());
        var woken = new List<long>(due.Count);
        foreach (var step in due)
        {
            if (db.Actions.Get(step.Action) is not { Status: ActionStatus.Waiting } action)
            {
                continue;
            }

            db.InTransaction(() =>
            {
                db.Steps.Wake(step.Action, step.Seq, null, timedOut: step.Kind != SleepKind);
                db.Actions.SetStatus(step.Action, ActionStatus.Pending, action.Attempts, null);
            });
            activation.MarkPending();
            woken.Add(step.Action);
        }

        return woken;
    }

    private static ActionScope Require(ObjectActivation activation, string what)
        => ActionScope.For(activation) is { ActionId: > 0 } scope
            ? scope
            : throw new InvalidOperationException($"{what} can only wait inside a durable action of {activation.Namespace}: an async verb called with Do (the default, not AsTry/AsSend) or a ctx.Do action. Handlers, schedules and Try actions cannot suspend.");

    private static ActionSuspendedException Suspend(ObjectActivation activation, ActionScope scope, string waitingFor)
    {
        scope.Suspended = true;
        return new ActionSuspendedException(activation, scope.ActionId, waitingFor);
    }

    private static void Check(StepRecord step, string name, string kind)
    {
        if (step.Name != name || step.Kind != kind)
        {
            throw new StepMismatchException(step.Action, step.Seq, $"{step.Kind} {step.Name}", $"{kind} {name}");
        }
    }
}
