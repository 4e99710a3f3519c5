using Microsoft.Extensions.Time.Testing;

namespace Do.Testing;

/// <summary>
/// A <see cref="DoHost"/> for tests: on a fresh temp folder (deleted on dispose), on a fake clock (<see cref="Time"/>)
/// that only moves when the test says so. <see cref="AdvanceAsync"/> skips time alarm by alarm — every schedule,
/// retry backoff and timer due on the way fires at its own time, in order, and the work it starts finishes before
/// time moves on — and <see cref="WhenIdleAsync"/> waits until every committed event has reached its handlers.
/// <code>
/// await using var test = await DoTestHost.StartAsync();
/// var studio = test.Object&lt;Studio&gt;("https://startups.studio");
/// await test.AdvanceAsync(TimeSpan.FromDays(7)); // a daily schedule runs 7 times
/// </code>
/// </summary>
public sealed class DoTestHost : IAsyncDisposable
{
    /// <summary>How long (real time) work in flight must stay unchanged before it counts as waiting on the fake clock.</summary>
    private static readonly TimeSpan QuietPeriod = TimeSpan.FromMilliseconds(50);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(1);

    private readonly TrackingTimeProvider _time;
    private readonly string _folder;
    private int _disposed;

    private DoTestHost(DoHost host, TrackingTimeProvider time, string folder)
    {
        Host = host;
        _time = time;
        _folder = folder;
    }

    /// <summary>The host under test.</summary>
    public DoHost Host { get; }

    /// <summary>
    /// The host's clock. It starts at 2000-01-01T00:00:00Z (set another start with <c>SetUtcNow</c> in
    /// <c>configure</c>, through <see cref="DoHostOptions.TimeProvider"/>) and moves only when the test moves it; prefer
    /// <see cref="AdvanceAsync"/>, which also lets the work each alarm starts finish.
    /// </summary>
    public FakeTimeProvider Time => _time;

    /// <summary>The temp folder that holds the catalog and every object's file; deleted on dispose.</summary>
    public string DataPath => Host.DataPath;

    /// <summary>
    /// Starts a host on a new temp folder with a fake clock. <paramref name="configure"/> may change any option except
    /// <see cref="DoHostOptions.TimeProvider"/>, which the test host owns (it must know every timer to skip time).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="configure"/> replaced the clock.</exception>
    /// <exception cref="InvalidOptionsException">The options are invalid; every problem is listed.</exception>
    public static async Task<DoTestHost> StartAsync(Action<DoHostOptions>? configure = null, CancellationToken cancellationToken = default)
    {
        var time = new TrackingTimeProvider();
        var folder = Path.Combine(Path.GetTempPath(), "do-sdk-testing", Guid.NewGuid().ToString("N"));
        var options = new DoHostOptions { DataPath = folder, TimeProvider = time };
        configure?.Invoke(options);
        if (!ReferenceEquals(options.TimeProvider, time))
        {
            throw new ArgumentException(
                $"configure replaced DoHostOptions.TimeProvider with {options.TimeProvider?.GetType().Name ?? "null"}; DoTestHost owns the clock. "
                + "Move it with DoTestHost.AdvanceAsync, or set its start in configure: o => ((FakeTimeProvider)o.TimeProvider).SetUtcNow(start).",
                nameof(configure));
        }

        try
        {
            return new DoTestHost(await DoHost.StartAsync(options, cancellationToken).ConfigureAwait(false), time, folder);
        }
        catch
        {
            DeleteFolder(folder);
            throw;
        }
    }

    /// <inheritdoc cref="DoHost.Object{TObject}(string)"/>
    public ObjectClient<TObject> Object<TObject>(string ns)
        where TObject : DurableObject, new()
        => Host.Object<TObject>(ns);

    /// <inheritdoc cref="DoHost.Object{TObject}(ObjectNamespace)"/>
    public ObjectClient<TObject> Object<TObject>(ObjectNamespace ns)
        where TObject : DurableObject, new()
        => Host.Object<TObject>(ns);

    /// <inheritdoc cref="DoHost.Object(string)"/>
    public ObjectClient Object(string ns) => Host.Object(ns);

    /// <summary>
    /// Moves the clock forward by <paramref name="duration"/>, stopping at every alarm on the way — schedule alarms of
    /// every object (active or not), action retry backoffs and attempt timeouts, any timer on <see cref="Time"/> — so
    /// each fires at its own time and in order (a daily schedule advanced 7 days runs 7 times). At each stop the work
    /// the alarm started runs until it finishes or waits on a later alarm, then time moves on. The host's own periodic
    /// timers (scheduler tick, idle sweep) fire when time passes them but are not stops of their own.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is negative.</exception>
    public async Task AdvanceAsync(TimeSpan duration, CancellationToken cancellationToken = default)
    {
        if (duration < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, $"AdvanceAsync moves time forward; {duration} is negative. Pass zero or a positive duration such as TimeSpan.FromDays(7).");
        }

        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var target = _time.GetUtcNow() + duration;
        await SettleAsync(cancellationToken).ConfigureAwait(false);
        while (NextStop(_time.GetUtcNow()) is { } next && next <= target)
        {
            await StepToAsync(next, cancellationToken).ConfigureAwait(false);
        }

        await StepToAsync(target, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Waits until nothing runs: every call has returned, every committed event has been dispatched to its handlers
    /// (and every <c>Send</c> delivered), and every schedule due by now has run. Work that waits on a later time (a
    /// retry backoff) keeps the host busy until <see cref="AdvanceAsync"/> reaches that time.
    /// </summary>
    public async Task WhenIdleAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            await Host.RunDueSchedulesAsync().ConfigureAwait(false);
            while (!Host.IsQuiet)
            {
                await Task.Delay(PollInterval, TimeProvider.System, cancellationToken).ConfigureAwait(false);
            }

            // A handler may have scheduled more, or a Send may have queued work since: quiet twice in a row is idle.
            await Task.Yield();
            if (Host.IsQuiet)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Stops the host (letting calls in flight finish, and moving the clock for those that wait on it), then deletes the
    /// temp folder.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            var stopping = Host.DisposeAsync().AsTask();
            while (!stopping.IsCompleted)
            {
                await Task.WhenAny(stopping, Task.Delay(QuietPeriod, TimeProvider.System)).ConfigureAwait(false);
                if (!stopping.IsCompleted && _time.NextDueAfter(_time.GetUtcNow(), static _ => false) is { } next)
                {
                    _time.SetUtcNow(next); // a call in flight waits on the fake clock: dispose waits for it, so move it
                }
            }

            await stopping.ConfigureAwait(false);
        }
        finally
        {
            DeleteFolder(_folder);
        }
    }

    private DateTimeOffset? NextStop(DateTimeOffset now)
    {
        var alarm = Host.NextAlarmAfter(now);
        var timer = _time.NextDueAfter(now, Host.IsOwnTimer);
        return alarm is null ? timer : timer is null ? alarm : alarm < timer ? alarm : timer;
    }

    private async Task StepToAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (at > _time.GetUtcNow())
        {
            _time.SetUtcNow(at); // fires, in due order, every timer due by then
        }

        // The scheduler tick may not fall on this instant; run what is due now instead of waiting for it.
        await Host.RunDueSchedulesAsync().ConfigureAwait(false);
        await SettleAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Returns once the host is quiet, or once the work in flight has stopped changing for <see cref="QuietPeriod"/>:
    /// it then waits on a later alarm (or on something outside the host, which time cannot help).
    /// </summary>
    private async Task SettleAsync(CancellationToken cancellationToken)
    {
        var last = Snapshot();
        var since = TimeProvider.System.GetTimestamp();
        while (!Host.IsQuiet)
        {
            await Task.Delay(PollInterval, TimeProvider.System, cancellationToken).ConfigureAwait(false);
            var now = Snapshot();
            if (now != last)
            {
                last = now;
                since = TimeProvider.System.GetTimestamp();
            }
            else if (TimeProvider.System.GetElapsedTime(since) >= QuietPeriod)
            {
                return;
            }
        }
    }

    private (int Calls, int Background, long Timers) Snapshot() => (Host.CallsInFlight, Host.BackgroundWork, _time.Changes);

    private static void DeleteFolder(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // Best effort: a file still open elsewhere (an antivirus, a debugger) keeps the folder; the OS cleans temp.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
