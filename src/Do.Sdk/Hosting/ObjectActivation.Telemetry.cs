using System.Diagnostics;
using Do.Telemetry;

namespace Do.Hosting;

/// <summary>What an activation reports to <see cref="DoTelemetry"/>: turn waits, turn spans, activation time.</summary>
internal sealed partial class ObjectActivation
{
    /// <summary>Counts a call as queued for the turn; returns when it started waiting, or null when nobody listens.</summary>
    private long? BeginTurnWait()
    {
        if (!DoTelemetry.TurnQueued.Enabled && !DoTelemetry.TurnWait.Enabled)
        {
            return null;
        }

        DoTelemetry.Queued(Namespace, 1);
        return Host.Time.GetTimestamp();
    }

    /// <summary>Counts a call as no longer queued (it got the turn, or gave up) and records how long it waited.</summary>
    private void EndTurnWait(long? started)
    {
        if (started is long at)
        {
            DoTelemetry.Queued(Namespace, -1);
            DoTelemetry.Waited(Namespace, Host.Time.GetElapsedTime(at));
        }
    }

    /// <summary>A span for one turn of this object, or null when nobody listens.</summary>
    private Activity? StartTurnSpan() => DoTelemetry.Start("do.turn", Namespace);

    /// <summary>Counts the object as active and records how long activating it took.</summary>
    private void ReportActivated(long started)
    {
        DoTelemetry.ObjectActivated();
        if (DoTelemetry.ActivationDuration.Enabled)
        {
            DoTelemetry.ActivationDuration.Record(Host.Time.GetElapsedTime(started).TotalSeconds);
        }
    }

    /// <summary>A span for one handler's run of one event (all its attempts), or null when nobody listens.</summary>
    private Activity? StartHandlerSpan(EventHandlerRegistration registration, EventRecord record)
    {
        var span = DoTelemetry.Start("do.handler", Namespace);
        if (span is not null)
        {
            span.SetTag(DoTelemetry.EventTag, record.Type);
            span.SetTag(DoTelemetry.SequenceTag, record.Sequence);
            span.SetTag(DoTelemetry.HandlerTag, registration.Id);
            if (record.ActionId is long actionId)
            {
                span.SetTag(DoTelemetry.ActionIdTag, actionId);
            }
        }

        return span;
    }

    /// <summary>Counts a failed handler attempt; the span records each failure as an exception event.</summary>
    private static void HandlerFailed(Activity? span, EventRecord record, Exception error)
    {
        DoTelemetry.HandlerFailures.Add(1, new KeyValuePair<string, object?>(DoTelemetry.EventTag, record.Type));
        DoTelemetry.Fail(span, error);
    }
}
