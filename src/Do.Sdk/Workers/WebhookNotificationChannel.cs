using System.Buffers;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Do;

/// <summary>
/// POSTs each notification as JSON (<c>{"worker","kind","text","requestId"}</c>) to a URL; a non-success status code
/// is a failure.
/// </summary>
public sealed class WebhookNotificationChannel(HttpClient http, Uri url) : INotificationChannel
{
    /// <inheritdoc />
    public async Task SendAsync(Notification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("worker", notification.Worker);
            writer.WriteString("kind", notification.Kind);
            writer.WriteString("text", notification.Text);
            if (notification.RequestId is long id)
            {
                writer.WriteNumber("requestId", id);
            }
            else
            {
                writer.WriteNull("requestId");
            }

            writer.WriteEndObject();
        }

        using var content = new ByteArrayContent(buffer.WrittenSpan.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync(url, content, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }
}
