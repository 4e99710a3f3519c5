using Microsoft.Data.Sqlite;

namespace Do.Storage;

/// <summary>
/// Checkpoints an object's write-ahead log off the write path. SQLite's automatic checkpoint runs inside the commit that
/// crosses its threshold, so every few hundred commits one verb pays for copying the log into the file and syncing it
/// (a few milliseconds, the larger part of a sync verb's average wall time under <c>synchronous=NORMAL</c>). Here the
/// committing connection only counts its commits; every <see cref="CommitsPerCheckpoint"/> commits a passive checkpoint
/// runs on a short-lived second connection on the thread pool while the object goes on writing. The automatic
/// checkpoint stays on, at <see cref="BackstopPages"/>, for a log that keeps being written and for the case where these
/// checkpoints fail.
/// A passive checkpoint cannot restart a log that is written without a pause: by the time it ends, the writer has
/// appended more frames, and SQLite restarts the log only when every frame is in the file. So once a background
/// checkpoint has ended, another background pass copies the frames written meanwhile, each pass shorter than the last,
/// until at most <see cref="TailCommits"/> commits were written during one (or <see cref="MaxPasses"/> passes ran); then
/// the committing connection checkpoints that short tail itself, right after its next commit (<see cref="OnCommit"/>
/// returns true), and its next write restarts the log from the start: the file's blocks are overwritten, not allocated
/// again, and the log stays near <see cref="CommitsPerCheckpoint"/> commits long.
/// Used only where commits do not sync (<see cref="SynchronousMode.Normal"/>, <see cref="SynchronousMode.Off"/>): under
/// <see cref="SynchronousMode.Full"/> every commit syncs the log anyway, and a checkpoint syncing beside it slowed async
/// verbs down by 7–23% in A/B runs (benchmarks/README.md, write path round 4). Not used with <c>locking_mode=EXCLUSIVE</c>
/// either, where no second connection may open the file.
/// </summary>
internal sealed class WalCheckpointer
{
    /// <summary>
    /// Commits between two checkpoints. A sync verb writes about five pages, so this keeps the log near SQLite's own
    /// 1,000-page threshold; a group commit's larger commits let it grow further, bounded by <see cref="BackstopPages"/>.
    /// </summary>
    internal const int CommitsPerCheckpoint = 200;

    /// <summary>
    /// The automatic checkpoint's threshold while this checkpointer runs (pages; 8 MB with 2 KB pages, 16 MB in a file
    /// created with 4 KB pages): reached only when the checkpoints of this class fall behind, e.g. when they fail.
    /// </summary>
    internal const int BackstopPages = 4_000;

    /// <summary>
    /// What is left of a log file after the log restarts (bytes): a log that grew towards <see cref="BackstopPages"/>
    /// under a burst of writes shrinks back to this. Above the length of one checkpoint cycle (200 commits and those
    /// written while the background checkpoint runs: 1-7 MB measured), so that a steady stream of writes overwrites the
    /// same blocks round after round instead of growing the file and cutting it back each time.
    /// </summary>
    internal const int LogSizeLimit = 8 * 1024 * 1024;

    private readonly string _connectionString;
    private int _commits;
    private Task _running = Task.CompletedTask;

    public WalCheckpointer(string path)
    {
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString();
    }

    /// <summary>
    /// The longest tail (commits appended while a background pass ran) that the writer checkpoints itself. The writer's
    /// finish copies that tail and syncs the file on the write path; after a 200-commit pass the tail was 250–1,700 pages,
    /// a few milliseconds once per cycle, about 12 µs on every sync verb under NORMAL. A longer tail gets one more
    /// background pass, which is shorter than the last because it copies only the tail, so the writer's share shrinks to a
    /// few pages and the syncs.
    /// </summary>
    internal const int TailCommits = 16;

    /// <summary>Background passes per cycle before the writer finishes whatever tail is left (a writer faster than the copy never leaves a short one).</summary>
    internal const int MaxPasses = 4;

    private int _passes;
    private int _started;
    private int _completed;
    private int _finished;
    private bool _tailDue;

    /// <summary>How many background checkpoints have been started (for tests and diagnostics); read on the writer.</summary>
    public int Started => _started;

    /// <summary>How many background checkpoints have completed (for tests and diagnostics); read from any thread.</summary>
    public int Completed => Volatile.Read(ref _completed);

    /// <summary>The last failure of a background checkpoint or of its finish on the writer, if any; the automatic checkpoint covers for it.</summary>
    public Exception? LastError { get; private set; }

    /// <summary>
    /// Counts a commit; starts a background checkpoint when enough have gone by and none is running. Returns true when a
    /// background checkpoint has ended since the last call that returned true and the writer appended only a short tail
    /// meanwhile: the caller then checkpoints that tail on its own connection (<see cref="FinishOn"/>), so that its next
    /// write restarts the log. A longer tail gets another background pass first (<see cref="TailCommits"/>).
    /// </summary>
    public bool OnCommit()
    {
        if (_tailDue && _running.IsCompleted)
        {
            if (_commits > TailCommits && _passes < MaxPasses)
            {
                StartPass();
                return false;
            }

            _tailDue = false;
            return true;
        }

        if (++_commits < CommitsPerCheckpoint || !_running.IsCompleted)
        {
            return false;
        }

        _passes = 0;
        StartPass();
        return false;
    }

    /// <summary>Starts a background pass over what is committed; <see cref="_commits"/> then counts the tail it leaves.</summary>
    private void StartPass()
    {
        _commits = 0;
        _tailDue = true;
        _started++;
        _passes++;
        var held = PassGate?.Invoke();
        _running = held is null ? Task.Run(Checkpoint) : Task.Run(async () =>
        {
            await held.ConfigureAwait(false);
            Checkpoint();
        });
    }

    /// <summary>For tests: called as a background pass starts; the pass waits for the task it returns, so a test can hold it while the writer goes on.</summary>
    internal Func<Task>? PassGate { get; set; }

    /// <summary>
    /// Checkpoints, on the committing connection between two transactions, the frames written while the last background
    /// pass ran (at most <see cref="TailCommits"/> commits, unless <see cref="MaxPasses"/> passes ran) and syncs the file,
    /// once per cycle: one commit in a few hundred waits for that, as one did for SQLite's own checkpoint. Best effort,
    /// like the background passes: the write that came before is committed whatever happens here.
    /// </summary>
    public void FinishOn(RawStatement checkpoint)
    {
        try
        {
            checkpoint.Execute();
            Interlocked.Increment(ref _finished);
        }
        catch (SqliteException e)
        {
            LastError = e;
        }
    }

    /// <summary>How many times the committing connection finished a checkpoint (for tests and diagnostics).</summary>
    public int Finished => Volatile.Read(ref _finished);

    /// <summary>Waits for a running checkpoint, so the file can be closed, moved or deleted after this returns.</summary>
    public void WaitForRunning() => _running.GetAwaiter().GetResult();

    private void Checkpoint()
    {
        try
        {
            using var connection = new SqliteConnection(_connectionString);
            connection.Open();
            using var command = connection.CreateCommand();

            // PASSIVE never waits for the writer: it copies what is committed and lets the next write transaction
            // restart the log once all of it is in the file.
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
            command.ExecuteNonQuery();
            Interlocked.Increment(ref _completed);
        }
        catch (Exception e)
        {
            // Best effort by design: whatever stopped this checkpoint, the automatic one still runs at the backstop, and
            // a failure here must neither reach a writer nor make closing the database throw.
            LastError = e;
        }
    }
}
