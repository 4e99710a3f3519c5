using Do.Events;
using Do.Execution;
using Do.Scheduling;
using Do.Storage;
using Microsoft.Extensions.Logging;

namespace Do.Hosting;

/// <summary>
/// One active object: its instance, open database, context and turn gate. Turns run one at a time; a call made inside
/// the turn that holds the gate (<see cref="IsInTurn"/>) re-enters it. After each turn the events it committed are
/// dispatched to the object's handlers (still inside the turn, so handlers' own writes are turns of their own).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "SemaphoreSlim only needs disposing when its wait handle is used, which it never is here.")]
internal sealed partial class ObjectActivation
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _lock = new();
    private ObjectDatabase? _database;
    private Context? _context;
    private DurableObject? _instance;
    private ObjectClassInfo? _class;
    private readonly System.Collections.Concurrent.ConcurrentQueue<GroupedWork> _grouped = new();
    private int _draining;
    private DeadLetterStore? _deadLetters;
    private bool _markedPending;
    private int _users;
    private bool _closed;
    private long _lastUsed;

    public ObjectActivation(DoHost host, ObjectTarget target)
    {
        Host = host;
        Namespace = target.Namespace;
        Target = new ObjectTarget(host, target.Namespace, target.Class);
        Transport = new Transport.InProcessTransport(Target);
        _class = target.Class;
        _lastUsed = host.Time.GetTimestamp();
    }

    public DoHost Host { get; }

    public ObjectNamespace Namespace { get; }

    public ObjectTarget Target { get; }

    /// <summary>How the object's own context reaches it (and, through <c>For</c>, other objects).</summary>
    public Transport.IObjectTransport Transport { get; }

    public bool IsActivated => _database is not null;

    /// <summary>
    /// True when the current async flow runs inside this object's turn: within the turn that holds its gate, or a call
    /// that turn made and is waiting for (A → B → A). A flow that only started there (a verb sent with
    /// <c>AsSend()</c>, work a turn forked and left running) is not, once that turn has ended or while another holds the gate.
    /// </summary>
    public bool IsInTurn => TurnHolder is { } holder && CallChain.Current is { } current && current.IsWithin(holder);

    public ObjectDatabase Database => _database ?? throw new InvalidOperationException($"{Namespace} is not activated.");

    public Context Context => _context ?? throw new InvalidOperationException($"{Namespace} is not activated.");

    public DurableObject Instance => _instance ?? throw new InvalidOperationException($"{Namespace} is not activated.");

    public DeadLetterStore DeadLetters => _deadLetters ?? throw new InvalidOperationException($"{Namespace} is not activated.");

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
            // Closing refuses new callers; a call made inside the closing turn (the deactivation hook's) still runs in it.
            if (_closed && !IsInTurn)
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
        if (IsInTurn)
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

        var waiting = BeginTurnWait();
        try
        {
            await AcquireTurnAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            EndTurnWait(waiting);
        }

        using var span = StartTurnSpan();
        try
        {
            HoldTurn();
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
                AnnounceEvents();
            }
        }
        finally
        {
            ReleaseTurn();
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

            HoldTurn(); // the deactivation hook's calls back to this object re-enter this turn
            try
            {
                await Instance.RunDeactivateAsync(CancellationToken.None).ConfigureAwait(false);
                await DispatchCommittedAsync().ConfigureAwait(false);
                AnnounceEvents();
                if (_markedPending && _database.Actions.Open().Count == 0 && _database.Events.Undispatched(1).Count == 0)
                {
                    Host.SetPending(Namespace, false);
                }
            }
            catch (Exception e)
            {
                Log.DeactivateFailed(Host.Logger, Namespace.Value, e);
            }
            finally
            {
                _database.Dispose();
                _database = null;
                Telemetry.DoTelemetry.ObjectDeactivated();
            }
        }
        finally
        {
            ReleaseTurn();
        }
    }

    /// <summary>
    /// Moves the object's file to another colo inside the current turn: the database is closed, the file copied to a
    /// temporary name in the destination and renamed into place, the catalog switched (the commit point), the old file
    /// removed and the new one opened. Calls that arrive meanwhile wait for the turn and then use the new file.
    /// </summary>
    public string MoveTo(string colo)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(colo);
        var entry = Host.CatalogEntryOf(Namespace);
        var from = entry.Colo ?? DoHostOptions.DefaultColo;
        var destination = ObjectPaths.Resolve(Host.ColoRoot(colo), entry.File);
        var source = Database.Path;
        if (from == colo)
        {
            return source;
        }

        Database.TruncateLog();
        var subscribers = Database.HasSubscribers;
        var checkedOut = (Database.Branches.Current, Database.Branches.DetachedAt);
        Database.Dispose();
        _database = null;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            var temporary = destination + ".moving";
            File.Copy(source, temporary, overwrite: true);
            using (var stream = new FileStream(temporary, FileMode.Open, FileAccess.ReadWrite))
            {
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, destination, overwrite: true);
            Host.SetColo(Namespace, colo);
        }
        catch
        {
            Reopen(source, subscribers, checkedOut);
            throw;
        }

        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(source + suffix);
        }

        Reopen(destination, subscribers, checkedOut);
        Database.InTransaction(() => Database.Lifecycle.Record("move", Lifecycle.LifecycleJson.Move(from, colo), "move.completed"));
        return destination;
    }

    private void Reopen(string path, Func<string, bool>? subscribers, (long Branch, long? DetachedAt) checkedOut)
    {
        var database = ObjectDatabase.Open(path, Namespace, Host.Options.Synchronous, Host.Time, Host.Options.ExclusiveFileLocking);
        database.HasSubscribers = subscribers;
        database.Branches.Current = checkedOut.Branch;
        database.Branches.DetachedAt = checkedOut.DetachedAt;
        _database = database;
        _deadLetters = new DeadLetterStore(database);
    }

    /// <summary>Interns a noun in this object's database (once per activation, again after a rollback) and returns its name.</summary>
    public string EnsureNoun(NounInfo noun) => Database.EnsureNoun(noun);

    private async Task ActivateAsync(ObjectClassInfo? expected, CancellationToken cancellationToken)
    {
        var started = Host.Time.GetTimestamp();
        var (database, classInfo) = Host.OpenObject(Namespace, expected ?? _class);
        try
        {
            _class = classInfo;
            var instance = classInfo.Factory();
            var context = new Context(this, Host.Options.TimeZone);
            _database = database;
            _context = context;
            _instance = instance;
            _deadLetters = new DeadLetterStore(database);
            instance.Attach(context);
            instance.RunConfigure(context);
            database.HasSubscribers = context.On.HasAny;
            Host.Schedules.Persist(database, context.Every.Registrations);
            RefreshAlarm();
            if (context.On.Count > 0)
            {
                // Handlers mean events may wait in the outbox: if the process dies, the host must come back here.
                MarkPending();
            }

            await instance.RunActivateAsync(cancellationToken).ConfigureAwait(false);

            // Events committed before a crash but never handed to handlers are delivered now (at least once). An object
            // with nothing pending answers two one-seek questions instead of preparing the full queries.
            if (database.Events.AnyUndispatched())
            {
                for (var pending = database.Events.Undispatched(); pending.Count > 0; pending = database.Events.Undispatched())
                {
                    await DispatchAsync(pending).ConfigureAwait(false);
                }
            }

            if (database.Actions.AnyOpen())
            {
                await ResumeOpenActionsAsync(cancellationToken).ConfigureAwait(false);
            }

            ReportActivated(started);
        }
        catch
        {
            _database = null;
            _context = null;
            _instance = null;
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

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "A handler of {EventType} #{Sequence} in {Namespace} failed (attempt {Attempt})")]
        public static partial void HandlerFailed(ILogger logger, string eventType, long sequence, string @namespace, int attempt, Exception exception);

        [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "Resuming action {ActionId} of {Namespace} failed")]
        public static partial void ResumeFailed(ILogger logger, long actionId, string @namespace, Exception exception);

        [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "Schedule {ScheduleId} of {Namespace} failed; it stays scheduled")]
        public static partial void ScheduleFailed(ILogger logger, string scheduleId, string @namespace, Exception exception);

        [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "OnDeactivateAsync of {Namespace} failed")]
        public static partial void DeactivateFailed(ILogger logger, string @namespace, Exception exception);
    }
}
