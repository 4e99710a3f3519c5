namespace Do;

/// <summary>
/// The base of objects that do work for others — people (<see cref="Human"/>) and agents — behind one interface:
/// <c>Do</c>, <c>Ask</c>, <c>Decide</c>, <c>Approve</c>, <c>Generate</c>, <c>Notify</c>. Each worker is a durable object
/// with its own file; what it is asked to do waits durably (see docs/durable-steps.md), so a request outlives restarts.
/// </summary>
public abstract class Worker : DurableObject
{
    /// <summary>How much the worker acts on its own; set it in <see cref="DurableObject"/>'s Configure. Default: supervised.</summary>
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
