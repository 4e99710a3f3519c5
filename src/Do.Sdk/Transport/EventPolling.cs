using System.Runtime.CompilerServices;
using Do.Storage;

namespace Do.Transport;

/// <summary>
/// The live event stream of a transport that cannot push: pages through <see cref="IObjectTransport.EventsAsync"/>
/// and, once caught up, asks again after a short pause.
/// </summary>
internal static class EventPolling
{
    /// <summary>How many events one poll reads.</summary>
    public const int PageSize = 256;

    /// <summary>The pause between polls once caught up.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(25);

    public static async IAsyncEnumerable<EventRecord> StreamAsync(IObjectTransport transport, long after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(after);
        var last = after;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await transport.EventsAsync(last, PageSize, cancellationToken).ConfigureAwait(false);
            foreach (var record in page)
            {
                last = record.Sequence;
                yield return record;
            }

            if (page.Count < PageSize)
            {
                // Pacing a poll is wall-clock waiting, not object time: a fake clock in the host must not stall it.
                await Task.Delay(Interval, TimeProvider.System, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
