namespace Do;

/// <summary>Where a worker is told about requests: a log, a webhook, e-mail, chat… Implement it for a new channel.</summary>
public interface INotificationChannel
{
    /// <summary>Delivers one notification; throw to report a failure (the other channels still get it).</summary>
    Task SendAsync(Notification notification, CancellationToken cancellationToken);
}
