namespace Do;

/// <summary>The worker interface's <c>Notify</c> on any worker's client: <c>host.Object&lt;TWorker&gt;(ns).Notify(…)</c>.</summary>
public static class WorkerClientExtensions
{
    extension<TWorker>(ObjectClient<TWorker> worker)
        where TWorker : Worker
    {
        /// <summary>Sends <paramref name="message"/> to the worker's notification channels; a failing channel does not stop the others.</summary>
        /// <returns>The channels that failed, with their errors (empty when all delivered).</returns>
        public Task<IReadOnlyList<(INotificationChannel Channel, Exception Error)>> Notify(string message, CancellationToken cancellationToken = default)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(message);
            return worker.Run(ctx => ((Worker)ctx.Activation.Instance).Notify(new Notification(ctx.Ns, "message", message), cancellationToken), cancellationToken);
        }
    }
}
