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
    /// The automatic checkpoint's threshold while this checkpointer runs (pages; 16 MB). A passive checkpoint cannot
    /// restart a log that is being written without a pause, so under a steady stream of writes the log grows until the
    /// committing connection checkpoints it itself: four times less often than SQLite's default of 1,000 pages, and with
    /// most of the copying already done in the background.
    /// </summary>
    internal const int BackstopPages = 4_000;

    /// <summary>
    /// What is left of a log file after the log restarts (bytes): a log that grew towards <see cref="BackstopPages"/>
    /// under a burst of writes shrinks back to about SQLite's usual size once the object goes quiet.
    /// </summary>
    internal const int LogSizeLimit = 4 * 1024 * 1024;

    private readonly string _connectionString;
    private int _commits;
    private Task _running = Task.CompletedTask;

    public WalCheckpointer(string path)
    {
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString();
    }

    private int _completed;

    /// <summary>How many background checkpoints have completed (for tests and diagnostics); read from any thread.</summary>
    public int Completed => Volatile.Read(ref _completed);

    /// <summary>The last background checkpoint's failure, if any; the automatic checkpoint covers for it.</summary>
    public Exception? LastError { get; private set; }

    /// <summary>Counts a commit; starts a background checkpoint when enough have gone by and none is running.</summary>
    public void OnCommit()
    {
        if (++_commits < CommitsPerCheckpoint || !_running.IsCompleted)
        {
            return;
        }

        _commits = 0;
        _running = Task.Run(Checkpoint);
    }

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
