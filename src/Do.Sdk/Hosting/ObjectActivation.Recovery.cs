using Do.Events;
using Do.Execution;
using Do.Scheduling;
using Do.Storage;
using Microsoft.Extensions.Logging;

namespace Do.Hosting;

/// <summary>What runs without a caller: open actions resumed after a crash, and due schedules.</summary>
internal sealed partial class ObjectActivation
{
    /// <summary>Records in the catalog that this object may hold open actions or undispatched events.</summary>
    public void MarkPending()
    {
        if (!_markedPending)
        {
            Host.SetPending(Namespace, true);
            _markedPending = true;
        }
    }

    /// <summary>Resumes durable actions a crash left open: effects run again (at least once); state and event commit once.</summary>
    private async Task ResumeOpenActionsAsync(CancellationToken cancellationToken)
    {
        foreach (var action in Database.Actions.Open())
        {
            MarkPending();
            await ResumeActionAsync(action, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs an open action again from the top (journaled steps replay); a wait suspends it again.</summary>
    internal async Task ResumeActionAsync(ActionRecord action, CancellationToken cancellationToken)
    {
        try
        {
            await ResumeActionCoreAsync(action, cancellationToken).ConfigureAwait(false);
        }
        catch (ActionSuspendedException)
        {
            // Waiting again: recorded by the runner; the timer or the signal brings it back.
        }
    }

    private async Task ResumeActionCoreAsync(ActionRecord action, CancellationToken cancellationToken)
    {
        if (Database.Actions.NounOf(action.Id) is not long nounKey)
        {
            if (Context.FindDefinitionOrNull(action.Verb) is { } definition)
            {
                try
                {
                    await VerbExecution.RunDefinedAsync(this, action.Verb, action.Input, definition, action.Id, cancellationToken).ConfigureAwait(false);
                }
                catch (ActionFailedException e)
                {
                    Log.ResumeFailed(Host.Logger, action.Id, Namespace.Value, e);
                }
            }
            else
            {
                Database.Actions.SetStatus(action.Id, ActionStatus.Failed, action.Attempts, $"resumed after a crash, but no action \"{action.Verb}\" is defined in Configure any more");
            }

            return;
        }

        var nounName = Database.NounName(nounKey);
        var noun = DoRegistry.TryFindNoun(nounName, out var problem);
        var dispatch = noun is null ? null : DoRegistry.FindDispatcher(noun);
        var verb = noun?.FindVerb(action.Verb);
        if (noun is null || dispatch is null || verb is null)
        {
            Database.Actions.SetStatus(action.Id, ActionStatus.Failed, action.Attempts, $"resumed after a crash, but {nounName}.{action.Verb} is not registered in this process{(problem is null ? "" : ": " + problem)}");
            return;
        }

        try
        {
            _ = await VerbExecution.RunAsync(this, noun, action.Target, verb, action.Input, Durability.Do, (json, ctx) => dispatch(json, verb.Name, action.Input, ctx), action.Id, cancellationToken).ConfigureAwait(false);
        }
        catch (ActionFailedException e)
        {
            Log.ResumeFailed(Host.Logger, action.Id, Namespace.Value, e);
        }
        catch (ThingNotFoundException e)
        {
            Database.Actions.SetStatus(action.Id, ActionStatus.Failed, action.Attempts, e.Message);
        }
    }

    /// <summary>Runs the schedules that are due (each once, however many slots were missed) and returns the next alarm.</summary>
    public async Task<DateTimeOffset?> RunDueSchedulesAsync()
    {
        var now = Host.Time.GetUtcNow();
        foreach (var registration in Context.Every.Registrations)
        {
            if (SchedulePersistence.IsDue(Database, registration.Id, now))
            {
                try
                {
                    ActorScope.Enter("schedule:" + registration.Id);
                    await registration.Handler(Context).ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    Log.ScheduleFailed(Host.Logger, registration.Id, Namespace.Value, e);
                }

                SchedulePersistence.MarkRun(Database, registration, now);
            }
        }

        await ResumeDueWaitsAsync().ConfigureAwait(false);
        var next = NextAlarm();
        Host.SetAlarm(Namespace, next);
        return next;
    }
}
