using Do.Transport;

namespace Do.Hosting;

/// <summary>
/// How an integration that places objects itself (Orleans: one grain per object) plugs into an embedded host that
/// runs those objects' turns. Without one, the host reaches every object in this process and wakes objects itself.
/// </summary>
internal sealed class HostIntegration
{
    /// <summary>
    /// How an object reaches another object (a cross-object ref, <c>ctx.Object&lt;T&gt;</c>) and how
    /// <see cref="DoHost.Object{TObject}(ObjectNamespace)"/> reaches one: given the namespace and, when known, the
    /// expected class. Null keeps those calls in this host.
    /// </summary>
    public Func<ObjectNamespace, ObjectClassInfo?, IObjectTransport>? Route { get; init; }

    /// <summary>
    /// True when the integration activates objects itself — recovery after a crash, due schedules — so that an object
    /// is only ever opened where the integration placed it. The host then runs neither its recovery nor its scheduler.
    /// </summary>
    public bool ActivatesObjects { get; init; }

    /// <summary>
    /// Told every time an object's next wake-up (its next due schedule, durable wait or approval expiry) is written, with
    /// null when it has none, so that an integration can arm its own timers (Orleans: a reminder per object).
    /// </summary>
    public Action<ObjectNamespace, DateTimeOffset?>? AlarmChanged { get; init; }
}
