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
public sealed class DoHost : IAsyncDisposable, IDisposable
{
    private readonly ConcurrentDictionary<string, ObjectActivation> _activations = new(StringComparer.Ordinal);
    private readonly Catalog _catalog;
    private readonly ITimer _idleTimer;
    private readonly Lock _openLock = new();
    private int _inflight;
    private TaskCompletionSource? _drained;
    private volatile bool _disposing;

    private DoHost(DoHostOptions options)
    {
        options.Validate();
        Options = options;
        Time = options.TimeProvider;
        Logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Do.Sdk.Host");
        DataPath = Path.GetFullPath(options.DataPath);
        Directory.CreateDirectory(DataPath);
        _catalog = new Catalog(Path.Combine(DataPath, "catalog.db"), options.Synchronous);
        Schedules = new SchedulePersistence(Time);
        var sweep = options.IdleTimeout < TimeSpan.FromSeconds(60) ? options.IdleTimeout / 2 : TimeSpan.FromSeconds(30);
        _idleTimer = Time.CreateTimer(static state => _ = ((DoHost)state!).SweepIdleAsync(), this, sweep, sweep);
    }

    /// <summary>The options the host runs with.</summary>
    public DoHostOptions Options { get; }

    /// <summary>The full path of the data folder.</summary>
    public string DataPath { get; }

    /// <summary>How many objects are active right now.</summary>
    public int ActiveObjects => _activations.Count;

    internal TimeProvider Time { get; }

    internal ILogger Logger { get; }

    internal SchedulePersistence Schedules { get; }

    /// <summary>Starts a host with options set by <paramref name="configure"/>.</summary>
    /// <exception cref="InvalidOptionsException">The options are invalid; every problem is listed.</exception>
    public static Task<DoHost> StartAsync(Action<DoHostOptions>? configure = null, CancellationToken cancellationToken = default)
    {
        var options = new DoHostOptions();
        configure?.Invoke(options);
        return StartAsync(options, cancellationToken);
    }

    /// <summary>Starts a host with <paramref name="options"/>.</summary>
    /// <exception cref="InvalidOptionsException">The options are invalid; every problem is listed.</exception>
    public static Task<DoHost> StartAsync(DoHostOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(new DoHost(options));
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
        return new ObjectClient<TObject>(new ObjectTarget(this, ns, DoRegistry.ForType<TObject>()));
    }

    /// <summary>A client for an object that already exists, of whatever class the catalog records.</summary>
    /// <exception cref="InvalidNamespaceException">The namespace is not an absolute http(s) URL.</exception>
    public ObjectClient Object(string ns)
    {
        ObjectDisposedException.ThrowIf(_disposing, this);
        return new ObjectClient(new ObjectTarget(this, ObjectNamespace.Parse(ns), null));
    }

    /// <summary>Every object the host has created, ordered by namespace.</summary>
    public IReadOnlyList<CatalogEntry> Catalog() => _catalog.List();

    /// <summary>True when the object is active (its database open).</summary>
    public bool IsActive(string ns) => _activations.ContainsKey(ObjectNamespace.Parse(ns).Value);

    /// <summary>Deactivates an object now if it is idle; returns false when it is not active or is in use.</summary>
    public async Task<bool> DeactivateAsync(string ns)
    {
        var key = ObjectNamespace.Parse(ns).Value;
        return _activations.TryGetValue(key, out var activation) && await TryCloseAsync(activation).ConfigureAwait(false);
    }

    internal async Task<T> RunAsync<T>(ObjectTarget target, Func<ObjectActivation, ValueTask<T>> work, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _inflight);
        try
        {
            // A call made from inside a turn belongs to a call in flight, which stopping waits for; only new calls are refused.
            if (_disposing && !CallChain.IsInAnyTurn)
            {
                throw new ObjectDisposedException(nameof(DoHost), $"The host is stopping; the call to {target.Namespace} was not run.");
            }

            while (true)
            {
                var activation = _activations.GetOrAdd(target.Namespace.Value, static (_, arg) => new ObjectActivation(arg.Host, arg.Target), (Host: this, Target: target));
                if (!activation.TryEnter())
                {
                    // It is being deactivated; the next look finds a fresh activation.
                    await Task.Yield();
                    continue;
                }

                try
                {
                    return await activation.RunTurnAsync(target.Class, work, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    activation.Exit();
                    if (!activation.IsActivated && activation.Users == 0 && activation.TryBeginClose())
                    {
                        // Activation failed (bad class, unreadable file): do not keep a dead entry around.
                        _activations.TryRemove(new KeyValuePair<string, ObjectActivation>(target.Namespace.Value, activation));
                    }
                    else if (_activations.Count > Options.MaxActiveObjects)
                    {
                        await EvictAsync().ConfigureAwait(false);
                    }
                }
            }
        }
        finally
        {
            if (Interlocked.Decrement(ref _inflight) == 0 && _disposing)
            {
                _drained?.TrySetResult();
            }
        }
    }

    /// <summary>Opens (creating and cataloguing if new) the database of <paramref name="ns"/>. Called inside the object's first turn.</summary>
    internal (ObjectDatabase Database, ObjectClassInfo Class) OpenObject(ObjectNamespace ns, ObjectClassInfo? expected)
    {
        lock (_openLock)
        {
            var entry = _catalog.Find(ns);
            if (entry is null)
            {
                if (expected is null)
                {
                    throw new ObjectNotFoundException(ns.Value);
                }

                // Written completely (migrated) before it is registered: a crash in between leaves an orphan file, never a catalog row without one.
                var relative = ObjectPaths.RelativeFile(ns);
                var full = ObjectPaths.Resolve(DataPath, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                var created = ObjectDatabase.Open(full, ns, Options.Synchronous, Time);
                try
                {
                    _catalog.Add(new CatalogEntry(ns.Value, expected.Name, relative, Time.GetUtcNow()));
                }
                catch
                {
                    created.Dispose();
                    throw;
                }

                return (created, expected);
            }

            var classInfo = expected ?? DoRegistry.FindObject(entry.Class)
                ?? throw new InvalidOperationException($"{ns} is a {entry.Class}, which is not registered in this process. Reference the assembly that declares it, or address it as host.Object<{entry.Class}>(\"{ns}\").");
            if (classInfo.Name != entry.Class)
            {
                throw new ObjectClassMismatchException(ns.Value, entry.Class, classInfo.Name);
            }

            return (ObjectDatabase.Open(ObjectPaths.Resolve(DataPath, entry.File), ns, Options.Synchronous, Time), classInfo);
        }
    }

    private async Task<bool> TryCloseAsync(ObjectActivation activation)
    {
        if (!activation.TryBeginClose())
        {
            return false;
        }

        _activations.TryRemove(new KeyValuePair<string, ObjectActivation>(activation.Namespace.Value, activation));
        await activation.CloseAsync().ConfigureAwait(false);
        return true;
    }

    private async Task SweepIdleAsync()
    {
        if (_disposing)
        {
            return;
        }

        try
        {
            foreach (var activation in _activations.Values)
            {
                if (activation.Users == 0 && Time.GetElapsedTime(activation.LastUsed) >= Options.IdleTimeout)
                {
                    await TryCloseAsync(activation).ConfigureAwait(false);
                }
            }
        }
        catch (Exception e)
        {
            Logger.LogError(e, "Idle sweep failed");
        }
    }

    private async Task EvictAsync()
    {
        var excess = _activations.Count - Options.MaxActiveObjects;
        if (excess <= 0)
        {
            return;
        }

        // Least recently used first; objects in use are skipped, so the cap is exceeded only while they all work.
        var candidates = _activations.Values.Where(a => a.Users == 0).OrderBy(a => a.LastUsed).Take(excess).ToList();
        foreach (var activation in candidates)
        {
            await TryCloseAsync(activation).ConfigureAwait(false);
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

        _drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _disposing = true;
        await _idleTimer.DisposeAsync().ConfigureAwait(false);
        if (Volatile.Read(ref _inflight) > 0)
        {
            await _drained.Task.ConfigureAwait(false);
        }

        foreach (var activation in _activations.Values)
        {
            await TryCloseAsync(activation).ConfigureAwait(false);
        }

        _catalog.Dispose();
    }

    /// <summary>
    /// Stops the host synchronously, like <see cref="DisposeAsync"/>. Prefer <c>await using</c>; this exists so a
    /// container disposed synchronously (<c>using var provider = services.BuildServiceProvider()</c>) can close it.
    /// </summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
