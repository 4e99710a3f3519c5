using System.Collections.Concurrent;

namespace Do.Analytics.Tests.Support;

/// <summary>An external sink that records what it receives; it can be held (slow) or made to fail.</summary>
public sealed class RecordingSink(string name = "recording") : IEventSink
{
    private volatile TaskCompletionSource? _hold;

    public string Name { get; } = name;

    public ConcurrentQueue<AnalyticsEvent> Received { get; } = new();

    public int FailuresLeft { get; set; }

    /// <summary>Writes wait until <see cref="Release"/>.</summary>
    public void Hold() => _hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _hold?.TrySetResult();

    public async ValueTask WriteAsync(EventBatch batch, CancellationToken cancellationToken)
    {
        if (_hold is { } hold)
        {
            await hold.Task.WaitAsync(cancellationToken);
        }

        if (FailuresLeft > 0)
        {
            FailuresLeft--;
            throw new IOException("the external system is down");
        }

        foreach (var e in batch.Events)
        {
            Received.Enqueue(e);
        }
    }
}
