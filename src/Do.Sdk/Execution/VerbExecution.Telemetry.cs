using System.Diagnostics;
using Do.Hosting;
using Do.Telemetry;

namespace Do.Execution;

/// <summary>The verb and action spans and counters; when nobody listens, calls go straight to the runner.</summary>
internal static partial class VerbExecution
{
    /// <summary>Runs a noun verb (see <see cref="RunCoreAsync"/>) inside a <c>do.verb</c> span, counted by outcome.</summary>
    public static ValueTask<string?> RunAsync(ObjectActivation activation, NounInfo noun, string id, VerbInfo verb, string? inputJson, Durability durability, Apply apply, long? resumeActionId, CancellationToken cancellationToken)
        => IsObserved
            ? RunTracedAsync(activation, noun, id, verb, inputJson, durability, apply, resumeActionId, cancellationToken)
            : RunCoreAsync(activation, noun, id, verb, inputJson, durability, apply, resumeActionId, cancellationToken);

    /// <summary>Runs a defined action (see <see cref="RunDefinedCoreAsync"/>) inside a <c>do.verb</c> span, counted by outcome.</summary>
    public static ValueTask<string?> RunDefinedAsync(ObjectActivation activation, string name, string? inputJson, Func<string?, Context, Task<string?>> handler, long? resumeActionId, CancellationToken cancellationToken)
        => IsObserved
            ? RunDefinedTracedAsync(activation, name, inputJson, handler, resumeActionId, cancellationToken)
            : RunDefinedCoreAsync(activation, name, inputJson, handler, resumeActionId, cancellationToken);

    private static bool IsObserved => DoTelemetry.Source.HasListeners() || DoTelemetry.Verbs.Enabled || DoTelemetry.Actions.Enabled || DoTelemetry.ActionRetries.Enabled;

    private static async ValueTask<string?> RunTracedAsync(ObjectActivation activation, NounInfo noun, string id, VerbInfo verb, string? inputJson, Durability durability, Apply apply, long? resumeActionId, CancellationToken cancellationToken)
    {
        var durabilityName = NameOf(durability);
        using var span = DoTelemetry.Start("do.verb", activation.Namespace);
        span?.SetTag(DoTelemetry.NounTag, noun.Name);
        span?.SetTag(DoTelemetry.VerbTag, verb.Name);
        span?.SetTag(DoTelemetry.DurabilityTag, durabilityName);
        Exception? error = null;
        try
        {
            var output = await RunCoreAsync(activation, noun, id, verb, inputJson, durability, apply, resumeActionId, cancellationToken).ConfigureAwait(false);
            DoTelemetry.Complete(span);
            return output;
        }
        catch (Exception e)
        {
            error = e;
            Failed(span, e);
            throw;
        }
        finally
        {
            var outcome = DoTelemetry.OutcomeOf(error);
            DoTelemetry.Verbs.Add(1, new(DoTelemetry.NounTag, noun.Name), new(DoTelemetry.VerbTag, verb.Name), new(DoTelemetry.DurabilityTag, durabilityName), new(DoTelemetry.OutcomeTag, outcome));
            if (verb.IsAsync || resumeActionId is not null)
            {
                // An async verb (or a resumed one) runs as a durable action through the pipeline.
                DoTelemetry.Actions.Add(1, new(DoTelemetry.VerbTag, verb.Name), new(DoTelemetry.DurabilityTag, durabilityName), new(DoTelemetry.OutcomeTag, outcome));
            }
        }
    }

    private static async ValueTask<string?> RunDefinedTracedAsync(ObjectActivation activation, string name, string? inputJson, Func<string?, Context, Task<string?>> handler, long? resumeActionId, CancellationToken cancellationToken)
    {
        using var span = DoTelemetry.Start("do.verb", activation.Namespace);
        span?.SetTag(DoTelemetry.VerbTag, name);
        span?.SetTag(DoTelemetry.DurabilityTag, NameOf(Durability.Do));
        Exception? error = null;
        try
        {
            var output = await RunDefinedCoreAsync(activation, name, inputJson, handler, resumeActionId, cancellationToken).ConfigureAwait(false);
            DoTelemetry.Complete(span);
            return output;
        }
        catch (Exception e)
        {
            error = e;
            Failed(span, e);
            throw;
        }
        finally
        {
            DoTelemetry.Actions.Add(1, new(DoTelemetry.VerbTag, name), new(DoTelemetry.DurabilityTag, NameOf(Durability.Do)), new(DoTelemetry.OutcomeTag, DoTelemetry.OutcomeOf(error)));
        }
    }

    /// <summary>A <c>do.action.attempt</c> span; attempts after the first also count as retries.</summary>
    private static Activity? StartAttempt(ObjectActivation activation, string verb, long? actionId, int attempt)
    {
        if (attempt > 1)
        {
            DoTelemetry.ActionRetries.Add(1, new KeyValuePair<string, object?>(DoTelemetry.VerbTag, verb));
        }

        var span = DoTelemetry.Start("do.action.attempt", activation.Namespace);
        if (span is not null)
        {
            span.SetTag(DoTelemetry.VerbTag, verb);
            span.SetTag(DoTelemetry.AttemptTag, attempt);
            if (actionId is long id)
            {
                span.SetTag(DoTelemetry.ActionIdTag, id);
                span.Parent?.SetTag(DoTelemetry.ActionIdTag, id); // the verb span learns its action id here
            }
        }

        return span;
    }

    private static void Failed(Activity? span, Exception e)
    {
        DoTelemetry.Fail(span, e);
        if (e is ActionFailedException failed)
        {
            span?.SetTag(DoTelemetry.ActionIdTag, failed.ActionId);
        }
    }

    private static string NameOf(Durability durability)
        => durability switch
        {
            Durability.Send => "send",
            Durability.Try => "try",
            _ => "do",
        };
}
