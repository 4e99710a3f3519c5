using Do.Storage;

namespace Do.Client;

/// <summary>A transport that can push an object's events as they commit, instead of being polled for them.</summary>
internal interface IEventStream
{
    /// <summary>Events with a sequence above <paramref name="after"/>, oldest first, then each new one as it commits.</summary>
    IAsyncEnumerable<EventRecord> StreamAsync(long after, CancellationToken cancellationToken);
}
