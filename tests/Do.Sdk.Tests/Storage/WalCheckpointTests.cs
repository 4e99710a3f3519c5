using Do.Storage;
using Do.Tests.Support;
using Microsoft.Data.Sqlite;

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

        // The file itself (read without the log) already holds checkpointed versions.
        Assert.True(FileOnlyVersions(path) > 1, "no version reached the database file");
        Assert.True(new FileInfo(path + "-wal").Length <= (WalCheckpointer.BackstopPages + 1) * (4096L + 24), "the log grew past the backstop");
        Assert.Equal(2 * WalCheckpointer.CommitsPerCheckpoint + 1, db.Things.History("Startup", "acme").Count);
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

    /// <summary>Counts the versions in the database file alone: a copy of it without its log.</summary>
    private long FileOnlyVersions(string path)
    {
        var copy = _folder.File("file-only.db");
        File.Copy(path, copy, overwrite: true);
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM things";
        return (long)command.ExecuteScalar()!;
    }
}
