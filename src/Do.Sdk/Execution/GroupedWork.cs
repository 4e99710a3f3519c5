using Do.Hosting;

namespace Do.Execution;

/// <summary>One caller's share of a group commit: its work, and the task it waits on until the shared commit.</summary>
internal sealed class GroupedWork(Func<ObjectActivation, ValueTask> work, ObjectClassInfo? expected, CancellationToken cancellationToken)
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Func<ObjectActivation, ValueTask> Work { get; } = work;

    public ObjectClassInfo? Expected { get; } = expected;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>When it was queued (the host clock's timestamp); null when nobody measures turn waits.</summary>
    public long? QueuedAt { get; set; }

    /// <summary>The member's own failure; none of a failed member's writes stay in the group's transaction.</summary>
    public Exception? Error { get; set; }

    /// <summary>Completes once the group's commit (and the dispatch of its events) is done.</summary>
    public Task Completion => _done.Task;

    public void Finish(Exception? groupError)
    {
        var error = Error ?? groupError;
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
