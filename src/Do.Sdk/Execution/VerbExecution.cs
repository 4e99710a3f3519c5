using Do.Hosting;
using Do.Storage;
using Polly;

namespace Do.Execution;

/// <summary>
/// Runs a noun verb inside the object's turn, at the requested durability.
/// <list type="bullet">
/// <item>A synchronous verb is a pure state transition: version, action and event in one transaction.</item>
/// <item>An async verb under <c>Do</c> commits its action as <c>pending</c> first, runs through the retry/timeout
/// pipeline, then commits result, state change and event in one transaction; after the last failure it records
/// <c>failed</c> and a <c>Noun.failed</c> event and changes no state; so does the caller's cancellation (the error
/// says "cancelled by the caller"). A crash in between leaves the action open, and the host resumes it on the
/// object's next activation.</item>
/// <item>An async verb under <c>Try</c> runs one attempt with the timeout; the outcome is recorded; it is never resumed.</item>
/// </list>
/// </summary>
internal static partial class VerbExecution
{
    /// <summary>Applies a verb to a thing's JSON state and returns the new JSON state with the verb's output JSON.</summary>
    public delegate ValueTask<VerbResult> Apply(string stateJson, Context context);

    private static ValueTask<string?> RunCoreAsync(ObjectActivation activation, NounInfo noun, string id, VerbInfo verb, string? inputJson, Durability durability, Apply apply, long? resumeActionId, CancellationToken cancellationToken)
        => !verb.IsAsync && resumeActionId is null
            ? RunSyncAsync(activation, noun, id, verb, inputJson, durability, apply)
            : RunActionAsync(activation, noun, id, verb, inputJson, durability, apply, resumeActionId, cancellationToken);

    private static async ValueTask<string?> RunActionAsync(ObjectActivation activation, NounInfo noun, string id, VerbInfo verb, string? inputJson, Durability durability, Apply apply, long? resumeActionId, CancellationToken cancellationToken)
    {
        var db = activation.Database;
        db.Branches.RequireWritable();
        var name = activation.EnsureNoun(noun);
        var nounId = db.NounId(name);
        var actor = ActorScope.Resolve(null);
        var options = new WriteOptions { Verb = verb.Name, Event = verb.Event, Input = inputJson, Durability = durability, Actor = actor };

        var pipelines = activation.Host.Pipelines;
        if (durability == Durability.Try)
        {
            return await TryOnceAsync(activation, pipelines.ForTry(verb), nounId, name, id, verb, options, apply, cancellationToken).ConfigureAwait(false);
        }

        long actionId;
        int attempts = 0;
        if (resumeActionId is long resumed)
        {
            actionId = resumed;
            attempts = db.Actions.Get(resumed)?.Attempts ?? 0;
        }
        else
        {
            var before = db.Things.RequireLive(nounId, name, id);
            activation.MarkPending();
            actionId = db.Actions.InsertPending(verb.Name, actor, id, nounId, db.Branches.Current, inputJson, before.Version, Durability.Do);
        }

        VerbResult result = default;
        try
        {
            await pipelines.ForDo(verb).ExecuteAsync(
                async token =>
                {
                    // The attempt count is written with the outcome (retrying, completed or failed), not before the
                    // attempt: one commit fewer per action, and after a crash the action is resumed either way.
                    attempts++;
                    using var span = StartAttempt(activation, verb.Name, actionId, attempts);
                    try
                    {
                        var head = db.Things.RequireLive(nounId, name, id);
                        var scope = new ActionScope(activation, actionId, attempts, token);
                        ActionScope.Enter(scope);
                        result = await apply(head.Data!, activation.Context).ConfigureAwait(false);
                        ThrowIfSuspended(scope);
                        Telemetry.DoTelemetry.Complete(span);
                    }
                    catch (Exception e) when ((e is not OperationCanceledException || token.IsCancellationRequested) && e is not ActionSuspendedException)
                    {
                        Telemetry.DoTelemetry.Fail(span, e);
                        db.Actions.SetStatus(actionId, ActionStatus.Retrying, attempts, e.Message);
                        throw;
                    }
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (ActionSuspendedException suspended)
        {
            Suspend(activation, actionId, attempts, suspended);
            throw;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            db.InTransaction(() =>
            {
                db.Actions.SetStatus(actionId, ActionStatus.Failed, attempts, e.Message);
                db.Events.Append(name + ".failed", db.Things.ThingSource(id), nounId, id, null, actionId, FailureJson(verb, actionId, e), db.NowMilliseconds());
            });
            throw Failed(activation, resumeActionId, new ActionFailedException(actionId, verb.Name, id, attempts, e));
        }
        catch (Exception e) when (resumeActionId is null)
        {
            // The caller gave up: the action ends here as failed rather than waiting, retrying, for the next start.
            var cancelled = Cancelled(verb.Name, id, actionId, attempts, e, cancellationToken);
            db.InTransaction(() =>
            {
                db.Actions.SetStatus(actionId, ActionStatus.Failed, attempts, cancelled.Message);
                db.Events.Append(name + ".failed", db.Things.ThingSource(id), nounId, id, null, actionId, FailureJson(verb, actionId, cancelled), db.NowMilliseconds());
            });
            throw cancelled;
        }

        db.InTransaction(() =>
        {
            var current = db.Things.RequireLive(nounId, name, id);
            db.Things.Append(nounId, name, id, result.State, current, verb.Name, verb.Event, options with { Output = result.Output }, result.State, existingActionId: actionId, attempts: attempts);
        });
        Completed(activation, resumeActionId, result.Output);
        return result.Output;
    }

    private static async ValueTask<string?> TryOnceAsync(ObjectActivation activation, ResiliencePipeline pipeline, long nounId, string name, string id, VerbInfo verb, WriteOptions options, Apply apply, CancellationToken cancellationToken)
    {
        var db = activation.Database;
        VerbResult result = default;
        try
        {
            await pipeline.ExecuteAsync(
                async token =>
                {
                    using var span = StartAttempt(activation, verb.Name, null, 1);
                    try
                    {
                        var head = db.Things.RequireLive(nounId, name, id);
                        ActionScope.Enter(new ActionScope(activation, 0, 1, token));
                        result = await apply(head.Data!, activation.Context).ConfigureAwait(false);
                        Telemetry.DoTelemetry.Complete(span);
                    }
                    catch (Exception e)
                    {
                        Telemetry.DoTelemetry.Fail(span, e);
                        throw;
                    }
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not ThingNotFoundException)
        {
            var actionId = db.Actions.InsertFailed(verb.Name, id, nounId, db.Branches.Current, options.Input, Durability.Try, e.Message);
            throw new ActionFailedException(actionId, verb.Name, id, 1, e);
        }

        db.InTransaction(() => db.Things.Append(nounId, name, id, result.State, db.Things.RequireLive(nounId, name, id), verb.Name, verb.Event, options with { Output = result.Output }, result.State));
        return result.Output;
    }

    /// <summary>
    /// Runs an action defined with <c>ctx.Define</c> durably: persisted as pending, retried through the pipeline, its
    /// output recorded with the completion, resumed after a crash. Returns the output JSON.
    /// </summary>
    private static async ValueTask<string?> RunDefinedCoreAsync(ObjectActivation activation, string name, string? inputJson, Func<string?, Context, Task<string?>> handler, long? resumeActionId, CancellationToken cancellationToken)
    {
        var db = activation.Database;
        long actionId;
        int attempts = 0;
        if (resumeActionId is long resumed)
        {
            actionId = resumed;
            attempts = db.Actions.Get(resumed)?.Attempts ?? 0;
        }
        else
        {
            activation.MarkPending();
            actionId = db.Actions.InsertPending(name, ActorScope.Resolve(null), "", null, db.Branches.Current, inputJson, null, Durability.Do);
        }

        string? output = null;
        try
        {
            await activation.Host.Pipelines.ForDo(null).ExecuteAsync(
                async token =>
                {
                    attempts++;
                    using var span = StartAttempt(activation, name, actionId, attempts);
                    try
                    {
                        var scope = new ActionScope(activation, actionId, attempts, token);
                        ActionScope.Enter(scope);
                        output = await handler(inputJson, activation.Context).ConfigureAwait(false);
                        ThrowIfSuspended(scope);
                        Telemetry.DoTelemetry.Complete(span);
                    }
                    catch (Exception e) when ((e is not OperationCanceledException || token.IsCancellationRequested) && e is not ActionSuspendedException)
                    {
                        Telemetry.DoTelemetry.Fail(span, e);
                        db.Actions.SetStatus(actionId, ActionStatus.Retrying, attempts, e.Message);
                        throw;
                    }
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (ActionSuspendedException suspended)
        {
            Suspend(activation, actionId, attempts, suspended);
            throw;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            db.InTransaction(() =>
            {
                db.Actions.SetStatus(actionId, ActionStatus.Failed, attempts, e.Message);
                db.Events.Append(name + ".failed", db.Namespace.Value, null, null, null, actionId, FailureJson(new VerbInfo(name, "failed", true), actionId, e), db.NowMilliseconds());
            });
            throw Failed(activation, resumeActionId, new ActionFailedException(actionId, name, db.Namespace.Value, attempts, e));
        }
        catch (Exception e) when (resumeActionId is null)
        {
            var cancelled = Cancelled(name, db.Namespace.Value, actionId, attempts, e, cancellationToken);
            db.InTransaction(() =>
            {
                db.Actions.SetStatus(actionId, ActionStatus.Failed, attempts, cancelled.Message);
                db.Events.Append(name + ".failed", db.Namespace.Value, null, null, null, actionId, FailureJson(new VerbInfo(name, "failed", true), actionId, cancelled), db.NowMilliseconds());
            });
            throw cancelled;
        }

        db.InTransaction(() =>
        {
            db.Actions.CompleteWithOutput(actionId, output, attempts);
            db.Events.Append(name + ".completed", db.Namespace.Value, null, null, null, actionId, output, db.NowMilliseconds());
        });
        Completed(activation, resumeActionId, output);
        return output;
    }

    private static OperationCanceledException Cancelled(string verb, string target, long actionId, int attempts, Exception cause, CancellationToken cancellationToken)
        => new($"{verb} on \"{target}\" was cancelled by the caller after {attempts} attempt(s) (action {actionId}); it is recorded as failed and changed nothing.", cause, cancellationToken);

    private static string FailureJson(VerbInfo verb, long actionId, Exception e)
        => NounJson.WriteObject((verb.Name, actionId, e.Message), static (w, s) =>
        {
            w.WriteString("verb", s.Name);
            w.WriteNumber("action", s.actionId);
            w.WriteString("error", s.Message);
        });
}
