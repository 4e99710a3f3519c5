using Do.Storage;

namespace Do;

/// <summary>
/// Handlers for object events (<c>ctx.On.Object</c>): what lifecycle operations record about the object itself. The
/// handler gets the event, whose <see cref="EventRecord.Data"/> is the operation's JSON summary.
/// </summary>
public sealed class ObjectEventSubscriptions
{
    private readonly EventSubscriptions _on;

    internal ObjectEventSubscriptions(EventSubscriptions on) => _on = on;

    /// <summary>Runs <paramref name="handler"/> after a branch is created.</summary>
    public void BranchCreated(Func<EventRecord, Context, Task> handler) => _on.Subscribe(ObjectEvents.BranchCreated, handler);

    /// <summary>Runs <paramref name="handler"/> after a branch is deleted.</summary>
    public void BranchDeleted(Func<EventRecord, Context, Task> handler) => _on.Subscribe(ObjectEvents.BranchDeleted, handler);

    /// <summary>Runs <paramref name="handler"/> after a merge commits.</summary>
    public void MergeCompleted(Func<EventRecord, Context, Task> handler) => _on.Subscribe(ObjectEvents.MergeCompleted, handler);

    /// <summary>Runs <paramref name="handler"/> when a merge finds conflicts (nothing was written).</summary>
    public void MergeConflict(Func<EventRecord, Context, Task> handler) => _on.Subscribe(ObjectEvents.MergeConflict, handler);

    /// <summary>Runs <paramref name="handler"/> after this object is forked to another.</summary>
    public void ForkCompleted(Func<EventRecord, Context, Task> handler) => _on.Subscribe(ObjectEvents.ForkCompleted, handler);

    /// <summary>Runs <paramref name="handler"/> after history is compacted.</summary>
    public void CompactCompleted(Func<EventRecord, Context, Task> handler) => _on.Subscribe(ObjectEvents.CompactCompleted, handler);

    /// <summary>Runs <paramref name="handler"/> after the object's file moves to another colo.</summary>
    public void MoveCompleted(Func<EventRecord, Context, Task> handler) => _on.Subscribe(ObjectEvents.MoveCompleted, handler);
}
