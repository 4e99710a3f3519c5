using Do.Hosting;

namespace Do.Execution;

/// <summary>
/// One caller's share of a group commit: its work, and the task it waits on until the shared commit. The answer goes to
/// the back of the thread pool's global queue (<see cref="Finish"/>): the caller's code never runs inside a drain, and a
/// drain scheduled after the answers runs behind them (see <c>ObjectActivation.DrainGroupAsync</c>).
/// </summary>
internal sealed class GroupedWork(Func<ObjectActivation, ValueTask> work, ObjectClassInfo? expected, CancellationToken cancellationToken) : IThreadPoolWorkItem
{
    // Continuations run synchronously, inside Execute on a pool thread (or where an inline answer completes it, before
    // anyone awaits it): never on the drain that finishes the member.
    private readonly TaskCompletionSource _done = new();
    private Exception? _outcome;
    private int _inline;
    private int _state; // Queued, then Started by the drain or Abandoned by the caller, whichever comes first

    private const int Queued = 0;
    private const int Started = 1;
    private const int Abandoned = 2;

    public Func<ObjectActivation, ValueTask> Work { get; } = work;

    public ObjectClassInfo? Expected { get; } = expected;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>When it was queued (the host clock's timestamp); null when nobody measures turn waits.</summary>
    public long? QueuedAt { get; set; }

    /// <summary>The member's own failure; none of a failed member's writes stay in the group's transaction.</summary>
    public Exception? Error { get; set; }

    /// <summary>Completes once the group's commit (and the dispatch of its events) is done.</summary>
    public Task Completion => _done.Task;

    /// <summary>
    /// Claims the member for the drain that is about to run it; false when its caller gave up first (see
    /// <see cref="TryAbandon"/>), and then it must not run.
    /// </summary>
    public bool TryStart() => Interlocked.CompareExchange(ref _state, Started, Queued) == Queued;

    /// <summary>
    /// Gives the member up, for a caller that stops waiting or a drain that finds its token cancelled: true when it will
    /// not run (or was given up before), false once a drain started it. A started member's write may be committed, so its
    /// caller waits for the outcome instead of saying the call was cancelled.
    /// </summary>
    public bool TryAbandon() => Interlocked.CompareExchange(ref _state, Abandoned, Queued) != Started;

    /// <summary>
    /// Called by the caller that runs the group itself (<see cref="ObjectActivation.DrainHereAsync"/>) before it does: a
    /// <see cref="Finish"/> that comes before <see cref="EndInlineAnswer"/> completes the task on the spot, since nobody
    /// awaits it yet, and spares the caller a hop through the pool.
    /// </summary>
    public void BeginInlineAnswer() => Volatile.Write(ref _inline, 1);

    /// <summary>Called by that caller once the drain returned to it, before it awaits <see cref="Completion"/>.</summary>
    public void EndInlineAnswer() => Interlocked.Exchange(ref _inline, 0);

    /// <summary>
    /// Answers the caller with the member's own error, or the group's: on the spot for a caller that runs the group on its
    /// own thread and has not awaited yet, otherwise through a work item at the back of the pool's global queue, where
    /// every idle thread can take it.
    /// </summary>
    public void Finish(Exception? groupError)
    {
        _outcome = Error ?? groupError;
        if (Interlocked.Exchange(ref _inline, 0) == 1)
        {
            Complete();
            return;
        }

        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    void IThreadPoolWorkItem.Execute() => Complete();

    private void Complete()
    {
        var error = _outcome;
        if (error is null)
        {
            _done.TrySetResult();
        }
        else if (error is OperationCanceledException canceled)
        {
            _done.TrySetCanceled(canceled.CancellationToken);
        }
        else
        {
            _done.TrySetException(error);
        }
    }
}
