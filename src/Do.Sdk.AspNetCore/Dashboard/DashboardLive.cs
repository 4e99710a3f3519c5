using System.Buffers;
using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Do.Transport;
using Microsoft.AspNetCore.Http;

namespace Do.AspNetCore.Dashboard;

/// <summary>
/// The live feed a page listens to: the object's events after the one the page was rendered at, as server-sent events
/// of the default type, each carrying its sequence, type and thing. The page refreshes its live region on each.
/// A first <c>ready</c> item (no id) opens the stream at once, so the page can say it is live before anything happens.
/// </summary>
internal static class DashboardLive
{
    public static IResult Stream(HttpContext http, long? after)
    {
        var from = after ?? 0;
        if (from < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(after), from, $"after={from} is not a sequence: expected 0 or more.");
        }

        // A reconnecting EventSource says where it stopped; that wins over the address it reconnects to.
        if (long.TryParse(http.Request.Headers["Last-Event-ID"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var lastId) && lastId > from)
        {
            from = lastId;
        }

        return TypedResults.ServerSentEvents(Items(DashboardObject.Of(http).Client.Transport, from, http.RequestAborted));
    }

    private const string Ready = "ready";

    private static async IAsyncEnumerable<SseItem<string>> Items(IObjectTransport transport, long after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return new SseItem<string>("{}", Ready);
        await using var events = EventPolling.StreamAsync(transport, after, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            try
            {
                if (!await events.MoveNextAsync().ConfigureAwait(false))
                {
                    yield break;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The page went away: the normal end of a live feed.
                yield break;
            }

            var record = events.Current;
            yield return new SseItem<string>(Summary(record))
            {
                EventId = record.Sequence.ToString(CultureInfo.InvariantCulture),
            };
        }
    }

    private static string Summary(Do.EventRecord record)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("sequence", record.Sequence);
            writer.WriteString("type", record.Type);
            writer.WriteString("thing", record.Thing);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
