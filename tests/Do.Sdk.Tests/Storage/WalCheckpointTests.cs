using Do.Storage;
using Do.Tests.Support;

namespace Do.Tests.Storage;

/// <summary>An object's write-ahead log is copied into its file by a second connection, off the write path.</summary>
public sealed class WalCheckpointTests : IDisposable
{
    private static readonly ObjectNamespace Ns = ObjectNamespace.Parse("https://startups.studio");
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Writes_are_checkpointed_in_the_background_and_the_log_stays_bounded()
    {
        var path = _folder.File("object.db");
        using var db = ObjectDatabase.Open(path, Ns, SynchronousMode.Normal, FakeClock.Create());
        db.Things.Create("Startup", "acme", """{"name":"Acme","priority":0}""");
        for (int i = 1; i <= 2 * WalCheckpointer.CommitsPerCheckpoint; i++)
        {
            db.Things.Update("Startup", "acme", $$"""{"name":"Acme","priority":{{i}}}""");
        }

        var checkpointer = Assert.IsType<WalCheckpointer>(db.Checkpointer);
        await Wait.Until(() => checkpointer.Completed >= 1, "a background checkpoint completed");
        db.Checkpointer!.WaitForRunning();
        Assert.Null(checkpointer.LastError);

        // The database file itself grew: only a checkpoint writes to it in WAL mode (a fresh file holds its first pages;
        // 400 versions and their actions fill dozens). Not read on its own: SQLite promises a consistent file only
        // together with its log, and a copy of the file alone read as malformed in 2 of many loaded CI runs.
        Assert.True(new FileInfo(path).Length > 16L * ObjectSchema.PageSize, $"the database file is {new FileInfo(path).Length} bytes: no checkpoint reached it");
        Assert.True(new FileInfo(path + "-wal").Length <= (WalCheckpointer.BackstopPages + 1) * (4096L + 24), "the log grew past the backstop");
        Assert.Equal(2 * WalCheckpointer.CommitsPerCheckpoint + 1, db.Things.History("Startup", "acme").Count);
    }

    [Fact]
    public async Task After_a_background_checkpoint_the_writer_finishes_it_and_the_log_starts_over()
    {
        var path = _folder.File("object.db");
        using var db = ObjectDatabase.Open(path, Ns, SynchronousMode.Normal, FakeClock.Create());
        var checkpointer = Assert.IsType<WalCheckpointer>(db.Checkpointer);
        db.Things.Create("Startup", "acme", """{"name":"Acme","priority":0}""");
        int updates = 0;
        do
        {
            // Writes stop with the commit that starts the background checkpoint, so it copies every frame: had a write
            // followed while it ran, that write's commit could finish the checkpoint before the test looks.
            db.Things.Update("Startup", "acme", $$"""{"name":"Acme","priority":{{++updates}}}""");
        }
        while (checkpointer.Started == 0);

        await Wait.Until(() => checkpointer.Completed == 1, "the background checkpoint completed");
        checkpointer.WaitForRunning(); // its task has ended too, which is what the next commit looks at
        var restarts = LogRestarts(path);

        db.Things.Update("Startup", "acme", """{"name":"Acme","priority":-1}"""); // commits, then checkpoints the rest
        Assert.Equal(1, checkpointer.Finished);
        db.Things.Update("Startup", "acme", """{"name":"Acme","priority":-2}"""); // restarts the log

        Assert.Null(checkpointer.LastError);
        // The first write may restart the log because nothing was written while the test waited; the second one restarts
        // it only because the writer checkpointed the first one's frames right after committing them.
        Assert.Equal(restarts + 2, LogRestarts(path));
        Assert.Equal(updates + 3, db.Things.History("Startup", "acme").Count);
    }

    [Fact]
    public async Task A_long_tail_gets_more_background_passes_and_the_writer_finishes_a_bounded_one()
    {
        var path = _folder.File("object.db");
        using var db = ObjectDatabase.Open(path, Ns, SynchronousMode.Normal, FakeClock.Create());
        var checkpointer = Assert.IsType<WalCheckpointer>(db.Checkpointer);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        checkpointer.PassGate = () => gate.Task;
        try
        {
            db.Things.Create("Startup", "acme", """{"name":"Acme","priority":0}""");
            int updates = 0;
            do
            {
                db.Things.Update("Startup", "acme", $$"""{"name":"Acme","priority":{{++updates}}}""");
            }
            while (checkpointer.Started == 0);

            for (int pass = 1; pass <= WalCheckpointer.MaxPasses; pass++)
            {
                // More commits than the writer finishes itself land while this pass is held.
                for (int i = 0; i <= WalCheckpointer.TailCommits; i++)
                {
                    db.Things.Update("Startup", "acme", $$"""{"name":"Acme","priority":{{++updates}}}""");
                }

                var held = gate;
                gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                held.SetResult();
                await Wait.Until(() => checkpointer.Completed == pass, $"background pass {pass} completed");
                checkpointer.WaitForRunning();

                db.Things.Update("Startup", "acme", $$"""{"name":"Acme","priority":{{++updates}}}""");
                if (pass < WalCheckpointer.MaxPasses)
                {
                    Assert.Equal((pass + 1, 0), (checkpointer.Started, checkpointer.Finished)); // the tail went to one more pass
                }
            }

            // After the last pass the writer finishes what is left, long or not, so a cycle always ends and the log restarts.
            Assert.Equal((WalCheckpointer.MaxPasses, 1), (checkpointer.Started, checkpointer.Finished));
            Assert.Null(checkpointer.LastError);
            Assert.Equal(updates + 1, db.Things.History("Startup", "acme").Count);
        }
        finally
        {
            gate.TrySetResult(); // a failed assertion must not leave a pass held while the database closes
        }
    }

    [Fact]
    public void Full_synchronous_checkpoints_on_the_writing_connection()
    {
        using var db = ObjectDatabase.Open(_folder.File("object.db"), Ns, SynchronousMode.Full, FakeClock.Create());

        Assert.Null(db.Checkpointer); // every commit syncs already; SQLite's own checkpoint runs in the commit
        Assert.Equal(1000L, db.Scalar("PRAGMA wal_autocheckpoint"));
    }

    [Fact]
    public void Exclusive_locking_checkpoints_on_the_writing_connection()
    {
        using var db = ObjectDatabase.Open(_folder.File("object.db"), Ns, SynchronousMode.Normal, FakeClock.Create(), exclusiveLocking: true);

        Assert.Null(db.Checkpointer); // no second connection may open the file
        Assert.Equal(1000L, db.Scalar("PRAGMA wal_autocheckpoint"));
    }

    /// <summary>
    /// How many times the log has started over: the checkpoint sequence number in its header (bytes 12-15, big-endian),
    /// which SQLite increments on each restart. Read from the file, so that looking changes nothing.
    /// </summary>
    private static uint LogRestarts(string path)
    {
        using var log = new FileStream(path + "-wal", FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        Span<byte> header = stackalloc byte[16];
        log.ReadExactly(header);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(header[12..]);
    }
}
