using Do.Storage;
using Microsoft.Extensions.Logging;

namespace Do.Hosting;

/// <summary>
/// One active object: its instance, open database, context and turn gate. Turns run one at a time; a turn that is
/// already in the current call chain re-enters. After each turn the events it committed are dispatched to the
/// object's handlers (still inside the turn, so handlers' own writes are turns of their own).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "SemaphoreSlim only needs disposing when its wait handle is used, which it never is here.")]
internal sealed partial class ObjectActivation
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _lock = new();
    private readonly HashSet<NounInfo> _nouns = [];
    private ObjectDatabase? _database;
    private Context? _context;
    private DurableObject? _instance;
    private ObjectClassInfo? _class;
    private int _users;
    private bool _closed;
    private long _lastUsed;

    public ObjectActivation(DoHost host, ObjectTarget target)
    {
        Host = host;
        Namespace = target.Namespace;
        Target = new ObjectTarget(host, target.Namespace, target.Class);
        _class = target.Class;
        _lastUsed = host.Time.GetTimestamp();
    }

    public DoHost Host { get; }

    public ObjectNamespace Namespace { get; }

    public ObjectTarget Target { get; }

    public bool IsActivated => _database is not null;

    public bool IsInTurn => CallChain.Contains(this);

    public ObjectDatabase Database => _database ?? throw new InvalidOperationException($"{Namespace} is not activated.");

    public Context Context => _context ?? throw new InvalidOperationException($"{Namespace} is not activated.");

    public DurableObject Instance => _instance ?? throw new InvalidOperationException($"{Namespace} is not activated.");

    public ObjectClassInfo ClassInfo => _class ?? throw new InvalidOperationException($"{Namespace} is not activated.");

    /// <summary>The timestamp (from the host's clock) of the last call's start.</summary>
    public long LastUsed => Volatile.Read(ref _lastUsed);

    /// <summary>Calls in progress or waiting for a turn.</summary>
    public int Users => Volatile.Read(ref _users);

    /// <summary>Registers a caller; false when the activation is closing and the caller must look again.</summary>
    public bool TryEnter()
    {
        lock (_lock)
        {
            if (_closed)
            {
                return false;
            }

            _users++;
            _lastUsed = Host.Time.GetTimestamp();
            return true;
        }
    }

    public void Exit()
    {
        lock (_lock)
        {
            _users--;
            _lastUsed = Host.Time.GetTimestamp();
        }
    }

    /// <summary>Marks the activation closed if nobody uses it; after this no caller can enter.</summary>
    public bool TryBeginClose()
    {
        lock (_lock)
        {
            if (_closed || _users > 0)
            {
                return false;
            }

            _closed = true;
            return true;
        }
    }

    public async Task<T> RunTurnAsync<T>(ObjectClassInfo? expected, Func<ObjectActivation, ValueTask<T>> work, CancellationToken cancellationToken)
    {
        if (CallChain.Contains(this))
        {
            CheckClass(expected);
            try
            {
                return await work(this).ConfigureAwait(false);
            }
            finally
            {
                await DispatchCommittedAsync().ConfigureAwait(false);
            }
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            CallChain.Enter(this);
            if (_database is null)
            {
                await ActivateAsync(expected, cancellationToken).ConfigureAwait(false);
            }

            CheckClass(expected);
            try
            {
                return await work(this).ConfigureAwait(false);
            }
            finally
            {
                await DispatchCommittedAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Runs the deactivation hook in a last turn and closes the database. Call after <see cref="TryBeginClose"/>.</summary>
    public async Task CloseAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_database is null)
            {
                return;
            }

            CallChain.Enter(this);
            try
            {
                await Instance.RunDeactivateAsync(CancellationToken.None).ConfigureAwait(false);
                await DispatchCommittedAsync().ConfigureAwait(false);
            }
            catch (Exception e)
            {
                Log.DeactivateFailed(Host.Logger, Namespace.Value, e);
            }
            finally
            {
                _database.Dispose();
                _database = null;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Interns a noun in this object's database (once per activation) and returns its name.</summary>
    public string EnsureNoun(NounInfo noun)
    {
        if (_nouns.Contains(noun))
        {
            return noun.Name;
        }

        Database.EnsureNounSchema(noun);
        _nouns.Add(noun);
        return noun.Name;
    }

    private async Task ActivateAsync(ObjectClassInfo? expected, CancellationToken cancellationToken)
    {
        var (database, classInfo) = Host.OpenObject(Namespace, expected ?? _class);
        try
        {
            _class = classInfo;
            var instance = classInfo.Factory();
            var context = new Context(this, Host.Options.TimeZone);
            _database = database;
            _context = context;
            _instance = instance;
            instance.Attach(context);
            instance.RunConfigure(context);
            database.HasSubscribers = context.On.HasAny;
            Host.Schedules.Persist(database, context.Every.Registrations);
            await instance.RunActivateAsync(cancellationToken).ConfigureAwait(false);

            // Events committed before a crash but never handed to handlers are delivered now (at least once).
            var pending = database.Events.Undispatched();
            if (pending.Count > 0)
            {
                await DispatchAsync(pending).ConfigureAwait(false);
            }
        }
        catch
        {
            _database = null;
            _context = null;
            _instance = null;
            _nouns.Clear();
            database.Dispose();
            throw;
        }
    }

    private void CheckClass(ObjectClassInfo? expected)
    {
        if (expected is not null && _class is not null && !ReferenceEquals(expected, _class) && expected.Name != _class.Name)
        {
            throw new ObjectClassMismatchException(Namespace.Value, _class.Name, expected.Name);
        }
    }

    private async Task DispatchCommittedAsync()
    {
        while (_database?.TakeCommittedEvents() is { } events)
        {
            await DispatchAsync(events).ConfigureAwait(false);
        }
    }

    private async Task DispatchAsync(IReadOnlyList<EventRecord> events)
    {
        foreach (var record in events)
        {
            foreach (var handler in Context.On.Match(record.Type))
            {
                try
                {
                    await handler(record, Context).ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    Log.HandlerFailed(Host.Logger, record.Type, record.Sequence, Namespace.Value, e);
                }
            }

            Database.Events.MarkDispatched(record.Sequence);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "A handler of {EventType} #{Sequence} in {Namespace} failed")]
        public static partial void HandlerFailed(ILogger logger, string eventType, long sequence, string @namespace, Exception exception);

        [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "OnDeactivateAsync of {Namespace} failed")]
        public static partial void DeactivateFailed(ILogger logger, string @namespace, Exception exception);
    }
}
