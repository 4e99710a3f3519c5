using Do.Events;
using Do.Execution;
using Do.Scheduling;
using Do.Storage;
using Microsoft.Extensions.Logging;

namespace Do.Hosting;

/// <summary>Event dispatch after commit: handlers in order, retries, dead letters and replay, transient events.</summary>
internal sealed partial class ObjectActivation
{
    private async Task DispatchCommittedAsync()
    {
        while (_database?.TakeCommittedEvents() is { } events)
        {
            await DispatchAsync(events).ConfigureAwait(false);
        }
    }

    private async Task DispatchAsync(IReadOnlyList<EventRecord> events)
    {
        var options = Host.Options.Actions;
        var dispatched = new List<long>(events.Count);
        try
        {
            foreach (var record in events)
            {
                foreach (var registration in Context.On.Match(record.Type))
                {
                    var (error, tried) = await RunHandlerAsync(registration, record, 1 + options.HandlerRetries, options.HandlerRetryDelay).ConfigureAwait(false);
                    if (error is not null)
                    {
                        DeadLetters.Add(record.Sequence, registration.Id, error, tried);
                        Telemetry.DoTelemetry.DeadLetters.Add(1, new KeyValuePair<string, object?>(Telemetry.DoTelemetry.EventTag, record.Type));
                    }
                }

                dispatched.Add(record.Sequence);
            }
        }
        finally
        {
            // One commit marks the whole batch; a crash before it redelivers the batch (handlers dedupe by sequence).
            if (dispatched.Count > 0 && _database is not null)
            {
                _database.InTransaction(() => _database.Events.MarkDispatched(dispatched));
            }
        }
    }

    /// <summary>
    /// Runs one handler through the host's handler pipeline (Polly, like every action); returns the last error (null
    /// when it succeeded) and the attempts made.
    /// </summary>
    private async Task<(string? Error, int Attempts)> RunHandlerAsync(EventHandlerRegistration registration, EventRecord record, int attempts, TimeSpan delay)
    {
        // The handler acts for whoever caused the event's action, so the writes it makes record that actor too.
        ActorScope.Enter(record.ActionId is long action ? ActionQueries.Get(Database, action)?.Actor : null);
        using var span = StartHandlerSpan(registration, record);
        var tried = 0;
        try
        {
            await Host.Pipelines.ForHandler(attempts - 1, delay).ExecuteAsync(
                async _ =>
                {
                    tried++;
                    try
                    {
                        Context.HandledEvent.Value = (Context, record);
                        await registration.Handler(record, Context).ConfigureAwait(false);
                    }
                    catch (Exception e)
                    {
                        HandlerFailed(span, record, e);
                        Log.HandlerFailed(Host.Logger, record.Type, record.Sequence, Namespace.Value, tried, e);
                        throw;
                    }
                },
                CancellationToken.None).ConfigureAwait(false);
            Telemetry.DoTelemetry.Complete(span);
            return (null, tried);
        }
        catch (Exception e)
        {
            // Retries are spent or the error is not retryable: the caller dead-letters it.
            return ($"{e.GetType().Name}: {e.Message}", tried);
        }
    }

    /// <summary>Dispatches an in-memory event from <c>Send</c>: handlers retried, failures logged, nothing persisted.</summary>
    public async Task<bool> DispatchTransientAsync(EventRecord record)
    {
        var options = Host.Options.Actions;
        foreach (var registration in Context.On.Match(record.Type))
        {
            await RunHandlerAsync(registration, record, 1 + options.HandlerRetries, options.HandlerRetryDelay).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>Runs a dead letter's handler again; true when it succeeded.</summary>
    public async Task<bool> ReplayAsync(long deadLetterId)
    {
        var letter = DeadLetters.List(includeReplayed: true).FirstOrDefault(d => d.Id == deadLetterId)
            ?? throw new ArgumentException($"There is no dead letter {deadLetterId} in {Namespace}.", nameof(deadLetterId));
        var registration = Context.On.Find(letter.Handler)
            ?? throw new ArgumentException($"Dead letter {deadLetterId} belongs to handler {letter.Handler}, which {Namespace}'s Configure no longer declares.", nameof(deadLetterId));
        var (error, _) = await RunHandlerAsync(registration, letter.Event, 1, TimeSpan.Zero).ConfigureAwait(false);
        if (error is null)
        {
            DeadLetters.MarkReplayed(deadLetterId);
            return true;
        }

        DeadLetters.RecordFailedReplay(deadLetterId, error);
        return false;
    }
}
