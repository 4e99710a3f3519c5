using Do.Infrastructure;
using Do.Storage;
using Do.Transport;

namespace Do.Tests.Support;

/// <summary>
/// A transport that hands every call to another one; tests derive from it to change one call (for instance to drop
/// the in-process delegates, as a transport that crosses a process boundary must).
/// </summary>
public abstract class ForwardingTransport(IObjectTransport inner) : IObjectTransport
{
    protected IObjectTransport Inner { get; } = inner;

    public ObjectNamespace Namespace => Inner.Namespace;

    public virtual IObjectTransport For(ObjectNamespace other) => Inner.For(other);

    public virtual Task<string?> InvokeAsync(VerbCall call, CancellationToken cancellationToken) => Inner.InvokeAsync(call, cancellationToken);

    public virtual Task<string?> FindAsync(NounInfo noun, Ref reference, CancellationToken cancellationToken) => Inner.FindAsync(noun, reference, cancellationToken);

    public virtual Task<string> GetAsync(NounInfo noun, Ref reference, CancellationToken cancellationToken) => Inner.GetAsync(noun, reference, cancellationToken);

    public virtual Task<IReadOnlyList<string>> ListAsync(NounInfo noun, CancellationToken cancellationToken) => Inner.ListAsync(noun, cancellationToken);

    public virtual Task<IReadOnlyList<ThingVersionData>> HistoryAsync(NounInfo noun, string id, CancellationToken cancellationToken) => Inner.HistoryAsync(noun, id, cancellationToken);

    public virtual Task<IReadOnlyList<FieldChange>> DiffAsync(NounInfo noun, string refA, string refB, CancellationToken cancellationToken) => Inner.DiffAsync(noun, refA, refB, cancellationToken);

    public virtual Task WriteAsync(NounInfo noun, string id, ThingWrite write, string? json, CancellationToken cancellationToken) => Inner.WriteAsync(noun, id, write, json, cancellationToken);

    public virtual Task<string> BranchAsync(string name, CancellationToken cancellationToken) => Inner.BranchAsync(name, cancellationToken);

    public virtual Task<string> CheckoutAsync(string reference, CancellationToken cancellationToken) => Inner.CheckoutAsync(reference, cancellationToken);

    public virtual Task<IReadOnlyList<string>> BranchesAsync(CancellationToken cancellationToken) => Inner.BranchesAsync(cancellationToken);

    public virtual Task<string> CheckedOutAsync(CancellationToken cancellationToken) => Inner.CheckedOutAsync(cancellationToken);

    public virtual Task<MergeResult> MergeAsync(string branch, MergeStrategy strategy, CancellationToken cancellationToken) => Inner.MergeAsync(branch, strategy, cancellationToken);

    public virtual Task<IObjectTransport> ForkAsync(ObjectNamespace to, CancellationToken cancellationToken) => Inner.ForkAsync(to, cancellationToken);

    public virtual Task<CompactResult> CompactAsync(bool force, CancellationToken cancellationToken) => Inner.CompactAsync(force, cancellationToken);

    public virtual Task<string> MoveToAsync(string colo, CancellationToken cancellationToken) => Inner.MoveToAsync(colo, cancellationToken);

    public virtual Task<IReadOnlyList<EventRecord>> EventsAsync(long after, int limit, CancellationToken cancellationToken) => Inner.EventsAsync(after, limit, cancellationToken);

    public virtual Task<IReadOnlyList<DeadLetter>> DeadLettersAsync(bool includeReplayed, CancellationToken cancellationToken) => Inner.DeadLettersAsync(includeReplayed, cancellationToken);

    public virtual Task<bool> ReplayAsync(long deadLetterId, CancellationToken cancellationToken) => Inner.ReplayAsync(deadLetterId, cancellationToken);

    public virtual Task<IReadOnlyList<ScheduleState>> SchedulesAsync(CancellationToken cancellationToken) => Inner.SchedulesAsync(cancellationToken);

    public virtual IObjectTransport WithActor(string actor) => Inner.WithActor(actor);

    public virtual Task<IReadOnlyList<ActionInfo>> ActionsAsync(ActionFilter filter, CancellationToken cancellationToken) => Inner.ActionsAsync(filter, cancellationToken);

    public virtual Task<ActionInfo?> ActionAsync(long actionId, CancellationToken cancellationToken) => Inner.ActionAsync(actionId, cancellationToken);

    public virtual Task<ActionInfo> UndoAsync(long actionId, bool undo, bool force, CancellationToken cancellationToken) => Inner.UndoAsync(actionId, undo, force, cancellationToken);

    public virtual Task<string> DeleteBranchAsync(string name, bool force, CancellationToken cancellationToken) => Inner.DeleteBranchAsync(name, force, cancellationToken);

    public virtual Task<bool> RelateAsync(RelationEdge edge, RelationSides sides, CancellationToken cancellationToken) => Inner.RelateAsync(edge, sides, cancellationToken);

    public virtual Task<bool> UnrelateAsync(RelationEdge edge, RelationSides sides, CancellationToken cancellationToken) => Inner.UnrelateAsync(edge, sides, cancellationToken);

    public virtual Task<IReadOnlyList<RelationEdge>> RelatedAsync(NounInfo noun, Ref reference, string? type, RelationDirection direction, CancellationToken cancellationToken) => Inner.RelatedAsync(noun, reference, type, direction, cancellationToken);

    public virtual Task<IReadOnlyList<SearchDocument>> SearchAsync(NounInfo noun, string query, SearchMode mode, int limit, CancellationToken cancellationToken) => Inner.SearchAsync(noun, query, mode, limit, cancellationToken);

    public virtual Task<IReadOnlyList<ObjectLink>> LinksAsync(string role, CancellationToken cancellationToken) => Inner.LinksAsync(role, cancellationToken);
}
