using System.Collections.Concurrent;
using Do.Hosting;
using Do.Scheduling;
using Do.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Do;

/// <summary>
/// The embedded host: activates durable objects on their first call, gives each one turn at a time on its own
/// SQLite database, deactivates idle ones, and keeps a catalog of every object it created.
/// <code>
/// await using var host = await DoHost.StartAsync(o => o.DataPath = "data");
/// var studio = host.Object&lt;Studio&gt;("https://startups.studio");
/// </code>
/// </summary>
public sealed partial class DoHost : IAsyncDisposable, IDisposable
{
    private readonly ConcurrentDictionary<string, ObjectActivation> _activations = new(StringComparer.Ordinal);
    private readonly Catalog _catalog;
    private readonly FileStream _hostLock;
    private readonly ITimer _idleTimer;
    private readonly ITimer _scheduleTimer;
    private readonly TimeSpan _sweepInterval;
    private readonly ConcurrentDictionary<Task, string> _background = new();
    private int _schedulerRunning;
    private readonly Lock _openLock = new();
    private int _inflight;
    private TaskCompletionSource? _drained;
    private volatile bool _disposing;

    private DoHost(DoHostOptions options)
    {
        Options = options;
        Time = options.TimeProvider;
        Logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Do.Sdk.Host");
        DataPath = Path.GetFullPath(options.DataPath);
        Directory.CreateDirectory(DataPath);
        _hostLock = HostLock.HoldShared(DataPath);
        _catalog = new Catalog(Path.Combine(DataPath, "catalog.db"), options.Synchronous);
        Schedules = new SchedulePersistence(Time);
        Pipelines = new Execution.ActionPipelines(options.Actions, Time);
        _sweepInterval = options.IdleTimeout < TimeSpan.FromSeconds(60) ? options.IdleTimeout / 2 : TimeSpan.FromSeconds(30);

        // One-shot timers re-armed after each tick: ticks never overlap, and a clock that jumps (a test clock, a laptop
        // waking up) causes one tick, not one per missed period.
        _idleTimer = Time.CreateTimer(static state => _ = ((DoHost)state!).SweepIdleAsync(), this, _sweepInterval, Timeout.InfiniteTimeSpan);
        _scheduleTimer = Time.CreateTimer(static state => ((DoHost)state!).RunDueSchedules(), this, options.SchedulerInterval, Timeout.InfiniteTimeSpan);
        // An integration that places objects itself wakes them itself: opening them here could open a file twice.
        Recovered = options.Integration is { ActivatesObjects: true } ? Task.CompletedTask : RecoverAsync();
        foreach (var extension in options.Extensions)
        {
            extension.Started(this);
        }
    }

    /// <summary>
    /// Completes when the objects that were active when the previous process stopped have been re-activated: their
    /// undispatched events delivered and their open durable actions resumed. Started by <see cref="StartAsync(DoHostOptions, CancellationToken)"/>,
    /// which does not wait for it (the host serves calls meanwhile). When some objects could not be recovered it faults
    /// with a <see cref="RecoveryFailedException"/> listing each of them; the host keeps running, and each such object
    /// is recovered again by its next call. Dispose does not rethrow it. An object whose class this process has not
    /// registered yet (a class without generated registration, known once the program calls <c>Object&lt;T&gt;</c>) is
    /// not a failure: it is left to its first call, which recovers it.
    /// </summary>
    public Task Recovered { get; }

    /// <summary>The options the host runs with.</summary>
    public DoHostOptions Options { get; }

    /// <summary>The full path of the data folder.</summary>
    public string DataPath { get; }

    /// <summary>How many objects are active right now.</summary>
    public int ActiveObjects => Volatile.Read(ref _activationCount);

    internal TimeProvider Time { get; }

    internal ILogger Logger { get; }

    internal SchedulePersistence Schedules { get; }

    internal Execution.ActionPipelines Pipelines { get; }

    /// <summary>Which call chains wait for which turns; detects crossing calls.</summary>
    internal WaitForGraph Waits { get; } = new();

    internal void SetPending(ObjectNamespace ns, bool pending) => _catalog.SetPending(ns, pending);

    internal void SetAlarm(ObjectNamespace ns, DateTimeOffset? at)
    {
        _catalog.SetAlarm(ns, at);
        Options.Integration?.AlarmChanged?.Invoke(ns, at);
    }

    /// <summary>Starts a host with options set by <paramref name="configure"/>.</summary>
    /// <exception cref="InvalidOptionsException">The options are invalid; every problem is listed.</exception>
    public static Task<DoHost> StartAsync(Action<DoHostOptions>? configure = null, CancellationToken cancellationToken = default)
    {
        var options = new DoHostOptions();
        configure?.Invoke(options);
        return StartAsync(options, cancellationToken);
    }

    /// <summary>
    /// Starts a host with <paramref name="options"/>: validates them, then creates the data folder and opens the catalog
    /// on the thread pool (SQLite's I/O is synchronous, so it is kept off the caller's thread), and begins recovery in
    /// the background; <see cref="Recovered"/> reports how that went.
    /// </summary>
    /// <exception cref="InvalidOptionsException">The options are invalid; every problem is listed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before the host started.</exception>
    public static async Task<DoHost> StartAsync(DoHostOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        cancellationToken.ThrowIfCancellationRequested();
        return await Task.Run(() => new DoHost(options), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A client for the object <paramref name="ns"/> of class <typeparamref name="TObject"/>. The object is created
    /// on its first call if the catalog does not have it.
    /// </summary>
    /// <exception cref="InvalidNamespaceException">The namespace is not an absolute http(s) URL.</exception>
    public ObjectClient<TObject> Object<TObject>(string ns)
        where TObject : DurableObject, new()
        => Object<TObject>(ObjectNamespace.Parse(ns));

    /// <summary>A client for the object <paramref name="ns"/> of class <typeparamref name="TObject"/>.</summary>
    public ObjectClient<TObject> Object<TObject>(ObjectNamespace ns)
        where TObject : DurableObject, new()
    {
        ArgumentNullException.ThrowIfNull(ns);
        ObjectDisposedException.ThrowIf(_disposing, this);
        return Options.Integration?.Route is { } route
            ? new ObjectClient<TObject>(route(ns, DoRegistry.ForType<TObject>()))
            : new ObjectClient<TObject>(new ObjectTarget(this, ns, DoRegistry.ForType<TObject>()));
    }

    /// <summary>A client for an object that already exists, of whatever class the catalog records.</summary>
    /// <exception cref="InvalidNamespaceException">The namespace is not an absolute http(s) URL.</exception>
    public ObjectClient Object(string ns)
    {
        ObjectDisposedException.ThrowIf(_disposing, this);
        var parsed = ObjectNamespace.Parse(ns);
        return Options.Integration?.Route is { } route ? new ObjectClient(route(parsed, null)) : new ObjectClient(new ObjectTarget(this, parsed, null));
    }

    /// <summary>Every object the host has created, ordered by namespace.</summary>
    public IReadOnlyList<CatalogEntry> Catalog() => _catalog.List();

    /// <summary>The objects active now, for diagnostics (the benchmarks' memory probe reads their connections).</summary>
    internal IEnumerable<ObjectActivation> Activations => _activations.Values;

    /// <summary>True when the object is active (its database open).</summary>
    public bool IsActive(string ns) => _activations.ContainsKey(ObjectNamespace.Parse(ns).Value);

    /// <summary>Deactivates an object now if it is idle; returns false when it is not active or is in use.</summary>
    /// <param name="ns">The object's namespace.</param>
    /// <param name="cancellationToken">Stops the request before the object starts closing; once closing has begun it completes, so the file is never left half closed.</param>
    /// <exception cref="InvalidNamespaceException">The namespace is not an absolute http(s) URL.</exception>
    public async Task<bool> DeactivateAsync(string ns, CancellationToken cancellationToken = default)
    {
        var key = ObjectNamespace.Parse(ns).Value;
        cancellationToken.ThrowIfCancellationRequested();
        return _activations.TryGetValue(key, out var activation) && await TryCloseAsync(activation).ConfigureAwait(false);
    }

    /// <summary>The object's activation when it is active in this host.</summary>
    internal ObjectActivation? ActivationOf(ObjectNamespace ns) => _activations.GetValueOrDefault(ns.Value);

    /// <summary>Objects that may hold open actions or undispatched events (for an integration that wakes them).</summary>
    internal IReadOnlyList<string> PendingObjects() => _catalog.Pending();

    /// <summary>Objects with a schedule due at <paramref name="now"/> (for an integration that wakes them).</summary>
    internal IReadOnlyList<string> DueObjects(DateTimeOffset now) => _catalog.Due(now);

    internal async Task<T> RunAsync<T>(ObjectTarget target, Func<ObjectActivation, ValueTask<T>> work, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _inflight);
        try
        {
            // A call made from inside a turn belongs to a call in flight, which stopping waits for; only new calls are refused.
            if (_disposing && !IsPartOfCallInFlight)
            {
                throw new ObjectDisposedException(nameof(DoHost), $"The host is stopping; the call to {target.Namespace} was not run.");
            }

            while (true)
            {
                var activation = GetOrCreateActivation(target);
                if (!activation.TryEnter())
                {
                    // It is being deactivated; once it is gone the next look finds a fresh activation.
                    await Task.Delay(1, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                try
                {
                    return await activation.RunTurnAsync(target.Class, work, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    await ExitCallAsync(activation).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            ExitInflight();
        }
    }

    /// <summary>
    /// Ends a call's use of <paramref name="activation"/>: forgets it when it failed to activate (bad class, unreadable
    /// file) and nobody else uses it, so no dead entry stays around; otherwise evicts idle objects above
    /// <see cref="DoHostOptions.MaxActiveObjects"/>.
    /// </summary>
    private async ValueTask ExitCallAsync(ObjectActivation activation)
    {
        activation.Exit();
        if (!activation.IsActivated && activation.Users == 0 && activation.TryBeginClose())
        {
            Forget(activation);
        }
        else if (ActiveObjects > Options.MaxActiveObjects)
        {
            await EvictAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> as a member of the object's next group commit (see <see cref="DoHostOptions.GroupCommit"/>);
    /// inside the object's own call chain, or with group commit off, it runs as an ordinary turn.
    /// </summary>
    internal async Task RunGroupedAsync(ObjectTarget target, Func<ObjectActivation, ValueTask> work, CancellationToken cancellationToken)
    {
        // Only calls from outside any turn are grouped: a call made inside a turn keeps its call chain (A -> B -> A
        // re-enters), which a shared group turn could not carry for every member.
        if (!Options.GroupCommit || CallChain.IsInAnyTurn)
        {
            await RunAsync(target, async a => { await work(a).ConfigureAwait(false); return true; }, cancellationToken).ConfigureAwait(false);
            return;
        }

        Interlocked.Increment(ref _inflight);
        try
        {
            if (_disposing && !IsPartOfCallInFlight)
            {
                throw new ObjectDisposedException(nameof(DoHost), $"The host is stopping; the call to {target.Namespace} was not run.");
            }

            while (true)
            {
                var activation = GetOrCreateActivation(target);
                if (!activation.TryEnter())
                {
                    await Task.Delay(1, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                try
                {
                    var member = new Execution.GroupedWork(work, target.Class, cancellationToken);
                    if (activation.Enqueue(member))
                    {
                        member.BeginInlineAnswer(); // answered on the spot if its group finishes before the drain returns here

                        // Not awaited: a drain that must wait for the turn goes on without this caller, who may give up.
                        _ = activation.DrainHereAsync();
                        member.EndInlineAnswer();
                        if (member.Completion.IsCompleted && InlineAnswers.MustYield())
                        {
                            // Answered on this thread: now and then yield first, so a caller calling in a loop lets
                            // others run (issue 19) without paying a thread hop on every call.
                            await Task.Yield();
                        }
                    }

                    // A caller that gives up while its member is queued stops waiting, and the member is skipped when the
                    // group runs. Once the member has run, its write may be committed: the caller hears how it ended.
                    try
                    {
                        await member.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                    {
                        if (member.TryAbandon())
                        {
                            throw;
                        }

                        await member.Completion.ConfigureAwait(false);
                    }

                    return;
                }
                finally
                {
                    await ExitCallAsync(activation).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            ExitInflight();
        }
    }

    /// <summary>
    /// Stops the host: refuses new calls, waits for calls in progress (and the turns they wait for) to finish,
    /// runs every object's deactivation hook and closes every file.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposing)
        {
            return;
        }

        // Extensions stop first: they may still need turns of objects (the analytics stream's last marks).
        foreach (var extension in Options.Extensions)
        {
            await extension.StoppingAsync().ConfigureAwait(false);
        }

        _drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _disposing = true;
        await _idleTimer.DisposeAsync().ConfigureAwait(false);
        await _scheduleTimer.DisposeAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll([Recovered, .. _background.Keys]).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            Logger.LogDebug(e, "Background work ended with an error during dispose");
        }

        // Calls in flight finish first, then every object closes. A deactivation hook may start work of its own (a send),
        // which reactivates objects: that is waited for and closed in turn, a few rounds at most.
        for (int round = 0; round < 4; round++)
        {
            if (Volatile.Read(ref _inflight) > 0)
            {
                await _drained.Task.ConfigureAwait(false);
            }

            foreach (var activation in _activations.Values)
            {
                await TryCloseAsync(activation).ConfigureAwait(false);
            }

            if (_activations.IsEmpty && Volatile.Read(ref _inflight) == 0)
            {
                break;
            }

            // A full fence before the next look at _inflight, which ExitInflight decrements before it reads this field.
            Interlocked.Exchange(ref _drained, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        }

        _catalog.Dispose();
        _hostLock.Dispose();
    }

    /// <summary>
    /// Stops the host synchronously, like <see cref="DisposeAsync"/>. Prefer <c>await using</c>; this exists so a
    /// container disposed synchronously (<c>using var provider = services.BuildServiceProvider()</c>) can close it.
    /// </summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
