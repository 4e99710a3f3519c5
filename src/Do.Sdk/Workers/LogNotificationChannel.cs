using Microsoft.Extensions.Logging;

namespace Do;

/// <summary>Writes notifications to an <see cref="ILogger"/> at Information level.</summary>
public sealed partial class LogNotificationChannel(ILogger logger) : INotificationChannel
{
    /// <inheritdoc />
    public Task SendAsync(Notification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        Log.Notified(logger, notification.Worker, notification.Kind, notification.RequestId, notification.Text);
        return Task.CompletedTask;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Notify {Worker}: {Kind} (request {RequestId}): {Text}")]
        public static partial void Notified(ILogger logger, string worker, string kind, long? requestId, string text);
    }
}
