using Do.Storage;

namespace Do.Execution;

/// <summary>
/// Custom events a verb emits with <c>ctx.Emit</c> while it runs: held until the verb's own transaction, which writes
/// them into the outbox with its version, action and event, so they commit (or vanish) with the verb. Each attempt of
/// an async verb starts with an empty buffer, so a retried attempt emits once.
/// </summary>
internal sealed class EmitBuffer
{
    private static readonly AsyncLocal<EmitBuffer?> s_current = new();
    private List<(string Type, string? Data)>? _events; // most verbs emit nothing: no list for them

    private EmitBuffer(Hosting.ObjectActivation owner) => Owner = owner;

    /// <summary>The object whose verb is running: only its context's emits go here.</summary>
    public Hosting.ObjectActivation Owner { get; }

    public static EmitBuffer? Current => s_current.Value;

    /// <summary>Starts buffering for the verb of <paramref name="owner"/> about to run in the current flow.</summary>
    public static void Begin(Hosting.ObjectActivation owner) => s_current.Value = new EmitBuffer(owner);

    public void Add(string type, string? data) => (_events ??= []).Add((type, data));

    public void Clear() => _events?.Clear();

    /// <summary>Writes the buffered events as part of action <paramref name="actionId"/>. Must run in its transaction.</summary>
    public static void Flush(ObjectDatabase db, long actionId, long now)
    {
        if (s_current.Value is not { _events: { Count: > 0 } events } buffer || !ReferenceEquals(buffer.Owner.Database, db))
        {
            return;
        }

        foreach (var (type, data) in events)
        {
            db.Events.Append(type, db.Namespace.Value, null, null, null, actionId, data, now);
        }

        events.Clear();
    }
}
