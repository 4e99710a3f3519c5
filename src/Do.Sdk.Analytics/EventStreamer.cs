using System.Collections.Concurrent;
using System.Threading.Channels;
using Do.Hosting;
using Microsoft.Extensions.Logging;

namespace Do.Analytics;

/// <summary>
/// The analytics stream of one host: hears which objects committed events (inside their turns, without blocking),
/// and in the background moves each object's new events to every sink, then advances the sink's mark in the
/// object's file. Verbs never wait for it: the outbox is the buffer, and the wake-up signal is a bounded channel
/// that drops repeats.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "Lives as long as its host; SemaphoreSlim needs disposing only when its wait handle is used, which it never is here, and the token source is disposed when the host stops.")]
internal sealed partial class EventStreamer : IHostExtension
{
    private readonly ConcurrentDictionary<string, ObjectStream> _objects = new(StringComparer.Ordinal);
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly SemaphoreSlim _streaming = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();

    // Stopping ends the waits at once but lets a batch in progress finish, so a clean stop leaves nothing staged;
    // a sink that hangs is abandoned after a grace period (what it held streams again after the next start).
    private readonly CancellationTokenSource _abort = new();
    private readonly TaskCompletionSource _recovered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<IEventSink> _sinks = [];
    private DoHost? _host;
    private Task _loop = Task.CompletedTask;
    private int _stopped;

    public EventStreamer(AnalyticsOptions options)
    {
        Options = options;
        Api = new HostAnalytics(this);
    }

    public AnalyticsOptions Options { get; }

    /// <summary>How long a stopping host waits for a batch in progress.</summary>
    public static TimeSpan StopGrace { get; } = TimeSpan.FromSeconds(10);

    public HostAnalytics Api { get; }

    /// <summary>Queries and compaction take turns on the files: a query never sees a half-compacted partition.</summary>
    public SemaphoreSlim FilesGate { get; } = new(1, 1);

    public ParquetEventSink? Parquet { get; private set; }

    public string Folder { get; private set; } = "";

    public AnalyticsMetrics? Metrics { get; private set; }

    public DoHost Host => _host ?? throw new InvalidOperationException("The analytics stream has not started: start the host with these options first.");

    /// <summary>Events committed but not yet streamed to every sink, over all objects.</summary>
    public long Lag => _objects.Values.Sum(o => o.Lag);

    /// <summary>How long the oldest waiting event has waited.</summary>
    public TimeSpan OldestWait
    {
        get
        {
            var oldest = _objects.Values.Select(o => o.WaitingSince).Where(t => t != 0).DefaultIfEmpty(0).Min();
            return oldest == 0 ? TimeSpan.Zero : Host.Time.GetElapsedTime(oldest);
        }
    }

    public void Started(DoHost host)
    {
        if (Interlocked.CompareExchange(ref _host, host, null) is not null)
        {
            throw new InvalidOperationException("These DoHostOptions already started a host with analytics; call UseAnalytics on the options of each host.");
        }

        Folder = Path.GetFullPath(Options.Path ?? Path.Combine(host.DataPath, "analytics"));
        if (Options.ParquetFiles)
        {
            Parquet = new ParquetEventSink(Folder);
            _sinks.Add(Parquet);
        }

        _sinks.AddRange(Options.Sinks);
        Metrics = new AnalyticsMetrics(this);
        _loop = Task.Run(() => RunAsync(_stopping.Token, _abort.Token));
    }

    public void Committed(ObjectNamespace ns, long lastSequence)
    {
        var state = _objects.GetOrAdd(ns.Value, static _ => new ObjectStream());
        state.Announce(lastSequence, Host.Time.GetTimestamp());
        if (state.Lag >= Options.BatchSize)
        {
            _wake.Writer.TryWrite(true);
        }
    }

    public async ValueTask StoppingAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        _abort.CancelAfter(StopGrace);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped between batches or while waiting for a turn: what was not marked streams after the next start.
        }

        Metrics?.Dispose();
        _stopping.Dispose();
        _abort.Dispose();
    }

    /// <summary>Streams every waiting event of every object now, whatever its age; throws what a sink threw.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _recovered.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        await PassAsync(force: true, cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> CompactAsync(CancellationToken cancellationToken)
    {
        if (Parquet is null)
        {
            return 0;
        }

        await FilesGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await ParquetCompactor.CompactAsync(Folder, Options.CompactBelowBytes, Options.CompactMinFiles, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            FilesGate.Release();
        }
    }

    private async Task RunAsync(CancellationToken stopping, CancellationToken abort)
    {
        try
        {
            await RecoverAsync(stopping).ConfigureAwait(false);
            _recovered.TrySetResult();
        }
        catch (Exception e)
        {
            _recovered.TrySetException(e);
            throw;
        }

        var tick = Options.MaxDelay / 2 < TimeSpan.FromSeconds(1) ? Options.MaxDelay / 2 : TimeSpan.FromSeconds(1);
        var lastCompaction = Host.Time.GetTimestamp();
        Task<bool>? woken = null;
        while (!stopping.IsCancellationRequested)
        {
            woken ??= _wake.Reader.WaitToReadAsync(stopping).AsTask();
            await Task.WhenAny(woken, Task.Delay(tick, Host.Time, stopping)).ConfigureAwait(false);
            if (woken.IsCompleted)
            {
                woken = null;
                _wake.Reader.TryRead(out _);
            }

            if (stopping.IsCancellationRequested)
            {
                break;
            }

            try
            {
                await PassAsync(force: false, abort).ConfigureAwait(false);
                if (!stopping.IsCancellationRequested && Host.Time.GetElapsedTime(lastCompaction) >= Options.CompactInterval)
                {
                    lastCompaction = Host.Time.GetTimestamp();
                    await CompactAsync(abort).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.PassFailed(Host.Logger, e);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 101, Level = LogLevel.Error, Message = "Streaming events to analytics failed; the events stay in the outbox and are retried")]
        public static partial void PassFailed(ILogger logger, Exception exception);

        [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "Streaming the events of {Namespace} to sink {Sink} failed; retried later")]
        public static partial void ObjectFailed(ILogger logger, string @namespace, string sink, Exception exception);

        [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "Reading the stream marks of {Namespace} at start failed; it streams on its next turn")]
        public static partial void PeekFailed(ILogger logger, string @namespace, Exception exception);
    }
}
