using Do.Workers;

namespace Do;

/// <summary>A human as seen from another object's action: <c>ctx.Human&lt;THuman&gt;(ns)</c>.</summary>
public sealed class HumanRef<THuman>
    where THuman : Human, new()
{
    private readonly Context _context;
    private readonly ObjectClient<THuman> _human;

    internal HumanRef(Context context, ObjectClient<THuman> human)
    {
        _context = context;
        _human = human;
    }

    /// <summary>The human's namespace.</summary>
    public string Ns => _human.Namespace.Value;

    /// <summary>
    /// Asks the human to approve <paramref name="text"/> and waits durably for the decision: the request is a journaled
    /// step (asked once, however often the action replays), the wait releases this object's turn and survives restarts.
    /// Unanswered after <paramref name="timeout"/>, the request escalates along <paramref name="escalateTo"/> (next human,
    /// or a default decision); without a policy it stays with this human.
    /// </summary>
    /// <exception cref="InvalidOperationException">Called outside a durable action (an async verb or ctx.Do action).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is not positive (or infinite).</exception>
    public Task<ApprovalDecision> Approve(string text, TimeSpan timeout, EscalationPolicy? escalateTo = null)
        => new WorkerRef<THuman>(_context, _human).Approve(text, timeout, escalateTo);

    /// <summary>Sends a message to the human's notification channels (not journaled: use it inside ctx.Step for once-only).</summary>
    public Task Notify(string text, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        return _human.Run(ctx => ctx.Activation.Instance is Worker worker ? worker.Notify(new Notification(ctx.Ns, "message", text), cancellationToken) : Task.FromResult<IReadOnlyList<(INotificationChannel, Exception)>>([]), cancellationToken);
    }
}
