namespace Do;

/// <summary>Settings of an embedded <see cref="DoHost"/>. Validated once, when the host starts, with every problem listed.</summary>
public sealed partial class DoHostOptions
{
    /// <summary>The name of the colo that is the data folder itself.</summary>
    public const string DefaultColo = "default";

    // The longest timer a CancellationTokenSource accepts (uint.MaxValue - 1 milliseconds, about 49.7 days).
    private static readonly TimeSpan MaxCallTimeout = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    /// <summary>The folder that holds the catalog and every object's database. Relative paths are resolved against the current directory. Default <c>data</c>.</summary>
    public string DataPath { get; set; } = "data";

    /// <summary>How durable each commit is. Default <see cref="SynchronousMode.Normal"/>: a process crash loses nothing.</summary>
    public SynchronousMode Synchronous { get; set; } = SynchronousMode.Normal;

    /// <summary>
    /// Opens each active object's file with SQLite's <c>locking_mode=EXCLUSIVE</c>: the host takes the file's lock
    /// once and keeps it, and the WAL index lives in the host's memory instead of a <c>-shm</c> file, so a commit
    /// skips the lock and shared-memory traffic (six <c>fcntl</c> calls per transaction, one file descriptor fewer per
    /// object). It is not faster overall under <see cref="SynchronousMode.Normal"/>: such a file must copy its log into
    /// the database on the writing connection, where the default does it on a second one (benchmarks/README.md, write
    /// path round 5). Default false. While an object is active, no other process or connection can read its file (the
    /// <c>do</c> CLI, <c>sqlite3</c>, a backup script get "database is locked"); they can again once the object is
    /// deactivated (idle, evicted, or the host stopped). Turn it on only when nothing outside the host reads active
    /// objects' files.
    /// </summary>
    public bool ExclusiveFileLocking { get; set; }

    /// <summary>An object with no call for this long is deactivated (its file closed). Default 5 minutes.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// At most this many objects stay active; beyond it the least recently used idle ones are deactivated. Default
    /// 4,096. Each active object keeps its database open: about 220–260 KB of memory and three file descriptors (the file,
    /// its WAL and its shared-memory index), so raise the process's descriptor limit before raising this.
    /// </summary>
    public int MaxActiveObjects { get; set; } = 4_096;

    /// <summary>The clock for timestamps, idle detection and schedules. Tests pass a <c>FakeTimeProvider</c>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// The model behind <c>ctx.Ai</c>, <c>Is</c>, <c>Decide</c> and <c>Generate</c> (and agents). With
    /// <c>AddDurableObjects</c>, an <see cref="Microsoft.Extensions.AI.IChatClient"/> registered in DI is used when this is null.
    /// </summary>
    public Microsoft.Extensions.AI.IChatClient? ChatClient { get; set; }

    /// <summary>The time zone <c>ctx.Every</c> schedules are read in unless they name one. Default UTC.</summary>
    public TimeZoneInfo TimeZone { get; set; } = TimeZoneInfo.Utc;

    /// <summary>Where the host logs handler failures and lifecycle events. Default: no logging.</summary>
    public Microsoft.Extensions.Logging.ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>
    /// Named storage locations (colo name → folder) that <c>MoveTo(colo)</c> can move an object's file to. The data
    /// folder itself is the colo named <c>default</c>.
    /// </summary>
    public IDictionary<string, string> Colos { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Group commit (default on): synchronous verbs, creates, updates and deletes through a collection, and relating or
    /// unrelating things, that queue for one object while it is busy share one transaction and one commit, and one
    /// failing call does not fail the others (one that fails after writing makes the group roll back and run the calls
    /// before it again, each in a savepoint; see docs/concepts.md). Every caller is answered only after that commit and
    /// the dispatch of its events, so an acknowledged write is as durable as with one commit per write; under
    /// concurrency many writes share one fsync.
    /// </summary>
    public bool GroupCommit { get; set; } = true;

    /// <summary>The most verbs one group commit takes. Default 256.</summary>
    public int MaxGroupSize { get; set; } = 256;

    /// <summary>Retries, backoff and timeouts of durable actions and event handlers.</summary>
    public ActionOptions Actions { get; set; } = new();

    /// <summary>How often the host looks for due schedules (of active and inactive objects). Default 1 s.</summary>
    public TimeSpan SchedulerInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a call waits for an object's turn while another call holds it before failing with
    /// <see cref="CallTimeoutException"/> (measured on <see cref="TimeProvider"/>). Default 30 s;
    /// <see cref="Timeout.InfiniteTimeSpan"/> waits without limit. Crossing calls (A → B while B → A) do not wait for
    /// this: they fail at once with <see cref="DeadlockException"/>.
    /// </summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Set by an integration (Do.Sdk.Orleans) that places objects itself; null for the embedded host.</summary>
    internal Hosting.HostIntegration? Integration { get; set; }

    /// <summary>
    /// Embeds the text of <see cref="SearchableAttribute"/> properties for <see cref="ThingCollection{T}.SimilarTo"/> and
    /// <see cref="ThingCollection{T}.HybridSearch"/>; null (the default) leaves vector search off. Things are embedded
    /// lazily, in batches, by the first vector query after they changed.
    /// </summary>
    public Microsoft.Extensions.AI.IEmbeddingGenerator<string, Microsoft.Extensions.AI.Embedding<float>>? Embeddings { get; set; }

    /// <summary>Throws one exception that lists every invalid setting.</summary>
    /// <exception cref="InvalidOptionsException">At least one setting is invalid.</exception>
    public void Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(DataPath))
        {
            errors.Add("DataPath is empty; expected a folder path such as \"data\".");
        }
        else if (DataPath.AsSpan().IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            errors.Add($"DataPath \"{DataPath}\" contains characters that are not valid in a path.");
        }

        if (!Enum.IsDefined(Synchronous))
        {
            errors.Add($"Synchronous is {(int)Synchronous}; expected Off, Normal, Full or Extra.");
        }

        if (IdleTimeout <= TimeSpan.Zero)
        {
            errors.Add($"IdleTimeout is {IdleTimeout}; expected a positive duration such as 00:05:00 (use TimeSpan.MaxValue to never deactivate).");
        }

        if (MaxActiveObjects < 1)
        {
            errors.Add($"MaxActiveObjects is {MaxActiveObjects}; expected at least 1.");
        }

        if (TimeProvider is null)
        {
            errors.Add("TimeProvider is null; expected TimeProvider.System or a test clock.");
        }

        if (TimeZone is null)
        {
            errors.Add("TimeZone is null; expected a TimeZoneInfo such as TimeZoneInfo.Utc.");
        }

        foreach (var (name, path) in Colos)
        {
            if (string.IsNullOrWhiteSpace(name) || name == DefaultColo)
            {
                errors.Add($"Colo name \"{name}\" is not allowed; \"{DefaultColo}\" is the data folder and names must not be empty.");
            }

            if (string.IsNullOrWhiteSpace(path))
            {
                errors.Add($"Colo \"{name}\" has no folder; expected a path such as \"/mnt/eu\".");
            }
        }

        if (Actions is null)
        {
            errors.Add("Actions is null; expected an ActionOptions.");
        }
        else
        {
            Actions.Validate(errors);
        }

        if (MaxGroupSize < 1)
        {
            errors.Add($"MaxGroupSize is {MaxGroupSize}; expected at least 1.");
        }

        if (SchedulerInterval <= TimeSpan.Zero)
        {
            errors.Add($"SchedulerInterval is {SchedulerInterval}; expected a positive duration such as 00:00:01.");
        }

        if (CallTimeout != Timeout.InfiniteTimeSpan && (CallTimeout <= TimeSpan.Zero || CallTimeout > MaxCallTimeout))
        {
            errors.Add($"CallTimeout is {CallTimeout}; expected a positive duration up to {MaxCallTimeout} such as 00:00:30, or Timeout.InfiniteTimeSpan to wait without limit.");
        }

        if (errors.Count > 0)
        {
            throw new InvalidOptionsException(errors);
        }
    }
}
