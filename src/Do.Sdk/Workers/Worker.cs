namespace Do;

/// <summary>
/// The base of objects that do work for others — people (<see cref="Human"/>) and agents — behind one interface:
/// <c>Do</c>, <c>Ask</c>, <c>Decide</c>, <c>Approve</c>, <c>Generate</c>, <c>Notify</c>, reached with
/// <c>ctx.Worker&lt;TWorker&gt;(ns)</c> (<see cref="WorkerRef{TWorker}"/>). Each worker is a durable object
/// with its own file; what it is asked to do waits durably (see docs/durable-steps.md), so a request outlives restarts.
/// </summary>
public abstract class Worker : DurableObject
{
    /// <summary>
    /// How much the worker acts on its own; set it in Configure. For an agent it decides which tool calls wait for its
    /// approver (see <see cref="WorkerMode"/>). Defaults: <see cref="WorkerMode.Supervised"/> for a worker,
    /// <see cref="WorkerMode.Autonomous"/> for an <see cref="Agent"/>, <see cref="WorkerMode.Manual"/> for a <see cref="Human"/>.
    /// </summary>
    public WorkerMode Mode { get; protected set; } = WorkerMode.Supervised;

    /// <summary>Where the worker is told about new requests (<c>Notify</c>); add channels in Configure.</summary>
    public IList<INotificationChannel> Channels { get; } = [];

    /// <summary>Sends <paramref name="notification"/> to every channel; a failing channel does not stop the others.</summary>
    /// <returns>The channels that failed, with their errors (empty when all delivered).</returns>
    public async Task<IReadOnlyList<(INotificationChannel Channel, Exception Error)>> Notify(Notification notification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var failed = new List<(INotificationChannel, Exception)>();
        foreach (var channel in Channels)
        {
            try
            {
                await channel.SendAsync(notification, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                failed.Add((channel, e));
            }
        }

        return failed;
    }
}
