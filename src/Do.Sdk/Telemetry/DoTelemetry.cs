using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace Do.Telemetry;

/// <summary>
/// The runtime's one <see cref="ActivitySource"/> and one <see cref="Meter"/>, both named <c>Do.Sdk</c>
/// (docs/telemetry.md lists every span and instrument). Nothing here costs more than a field read while nobody
/// listens: spans come back null from <see cref="ActivitySource.StartActivity(string, ActivityKind)"/>, and every
/// caller checks <see cref="Instrument.Enabled"/> before it builds tags or reads the clock.
/// </summary>
internal static class DoTelemetry
{
    /// <summary>The name of the activity source and of the meter.</summary>
    public const string Name = "Do.Sdk";

    public const string NamespaceTag = "do.namespace";
    public const string NounTag = "do.noun";
    public const string VerbTag = "do.verb";
    public const string ActionIdTag = "do.action_id";
    public const string DurabilityTag = "do.durability";
    public const string OutcomeTag = "do.outcome";
    public const string AttemptTag = "do.attempt";
    public const string EventTag = "do.event";
    public const string SequenceTag = "do.event_sequence";
    public const string HandlerTag = "do.handler";
    public const string OperationTag = "do.operation";
    public const string GroupSizeTag = "do.group_size";

    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Canceled = "canceled";

    /// <summary>The package version without the source revision suffix (<c>1.2.3+abc</c> → <c>1.2.3</c>).</summary>
    public static readonly string Version = ReadVersion();

    public static readonly ActivitySource Source = new(Name, Version);

    public static readonly Meter Meter = new(Name, Version);

    /// <summary>Noun verbs, by noun, verb, durability and outcome.</summary>
    public static readonly Counter<long> Verbs = Meter.CreateCounter<long>("do.verbs", "{verb}", "Verbs run, by outcome.");

    /// <summary>Durable actions (async verbs under Do or Try, <c>ctx.Do</c> actions), by verb, durability and outcome.</summary>
    public static readonly Counter<long> Actions = Meter.CreateCounter<long>("do.actions", "{action}", "Durable actions finished, by outcome.");

    /// <summary>Attempts of a durable action after its first.</summary>
    public static readonly Counter<long> ActionRetries = Meter.CreateCounter<long>("do.action.retries", "{attempt}", "Action attempts after the first.");

    /// <summary>Failed event handler attempts (each retry that fails counts).</summary>
    public static readonly Counter<long> HandlerFailures = Meter.CreateCounter<long>("do.handler.failures", "{attempt}", "Event handler attempts that threw.");

    /// <summary>Events a handler gave up on after its last retry.</summary>
    public static readonly Counter<long> DeadLetters = Meter.CreateCounter<long>("do.dead_letters", "{event}", "Events dead-lettered after the handler's last retry.");

    private static long s_activeObjects;

    /// <summary>
    /// Objects whose database is open in this process (every host). Observed rather than added to, so a listener that
    /// starts late still reads the true number.
    /// </summary>
    public static readonly ObservableUpDownCounter<long> ActiveObjects = Meter.CreateObservableUpDownCounter("do.objects.active", static () => Volatile.Read(ref s_activeObjects), "{object}", "Objects active in this process.");

    /// <summary>Open, migrate, Configure, OnActivateAsync and recovery of one object.</summary>
    public static readonly Histogram<double> ActivationDuration = Meter.CreateHistogram<double>("do.activation.duration", "s", "Time to activate an object.");

    /// <summary>Members of one group commit.</summary>
    public static readonly Histogram<int> CommitGroupSize = Meter.CreateHistogram<int>("do.commit.group_size", "{verb}", "Verbs that shared one group commit.");

    /// <summary>
    /// The COMMIT of one group: writing its pages to the log and, under FULL, the fsync. Beside <see cref="CommitGroupSize"/>
    /// it shows whether a busy object is bound by the disk (a long commit per verb) or by running its verbs.
    /// </summary>
    public static readonly Histogram<double> CommitDuration = Meter.CreateHistogram<double>("do.commit.duration", "s", "Time one group commit took to commit.");

    /// <summary>Time a call waited for its object's turn, tagged with the object: starvation shows here first.</summary>
    public static readonly Histogram<double> TurnWait = Meter.CreateHistogram<double>("do.turn.wait", "s", "Time a call waited for its object's turn.");

    /// <summary>Calls waiting for their object's turn, tagged with the object.</summary>
    public static readonly UpDownCounter<long> TurnQueued = Meter.CreateUpDownCounter<long>("do.turn.queued", "{call}", "Calls waiting for their object's turn.");

    /// <summary>Starts a span tagged with the object, or returns null when nobody listens.</summary>
    public static Activity? Start(string name, ObjectNamespace ns)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var activity = Source.StartActivity(name, ActivityKind.Internal);
        activity?.SetTag(NamespaceTag, ns.Value);
        return activity;
    }

    /// <summary>Marks a span failed with the exception's type and message.</summary>
    public static void Fail(Activity? activity, Exception error)
    {
        if (activity is null)
        {
            return;
        }

        var canceled = error is OperationCanceledException;
        activity.SetTag(OutcomeTag, canceled ? Canceled : Failed);
        activity.SetStatus(ActivityStatusCode.Error, error.Message);
        activity.AddException(error);
    }

    /// <summary>Marks a span completed.</summary>
    public static void Complete(Activity? activity)
    {
        if (activity is not null)
        {
            activity.SetTag(OutcomeTag, Completed);
            activity.SetStatus(ActivityStatusCode.Ok);
        }
    }

    /// <summary>The outcome tag value of a finished operation.</summary>
    public static string OutcomeOf(Exception? error)
        => error switch
        {
            null => Completed,
            OperationCanceledException => Canceled,
            _ => Failed,
        };

    /// <summary>Counts one more active object.</summary>
    public static void ObjectActivated() => Interlocked.Increment(ref s_activeObjects);

    /// <summary>Counts one active object fewer.</summary>
    public static void ObjectDeactivated() => Interlocked.Decrement(ref s_activeObjects);

    /// <summary>Adds <paramref name="delta"/> to the object's turn queue length.</summary>
    public static void Queued(ObjectNamespace ns, long delta) => TurnQueued.Add(delta, new KeyValuePair<string, object?>(NamespaceTag, ns.Value));

    /// <summary>Records how long a call waited for its object's turn.</summary>
    public static void Waited(ObjectNamespace ns, TimeSpan wait) => TurnWait.Record(wait.TotalSeconds, new KeyValuePair<string, object?>(NamespaceTag, ns.Value));

    private static string ReadVersion()
    {
        var assembly = typeof(DoTelemetry).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }
}
