using Do.Storage;
using Do.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Do.Tests.Storage;

/// <summary>What <see cref="DoHostOptions.ExclusiveFileLocking"/> means for someone reading an object's file from outside.</summary>
public sealed class ExclusiveLockingTests : IDisposable
{
    private static readonly ObjectNamespace Ns = ObjectNamespace.Parse("https://startups.studio");
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void ByDefault_AnOutsideReadOnlyConnection_ReadsTheFileWhileItIsOpen()
    {
        Assert.False(new DoHostOptions().ExclusiveFileLocking);
        var path = _folder.File("object.db");
        using var db = ObjectDatabase.Open(path, Ns, SynchronousMode.Normal, FakeClock.Create());
        db.Things.Create("Startup", "acme", """{"name":"Acme"}""");

        Assert.Equal(1L, ReadOnlyCount(path));
    }

    [Fact]
    public void Exclusive_KeepsOutsideReadersOut_UntilTheFileIsClosed()
    {
        var path = _folder.File("object.db");
        var db = ObjectDatabase.Open(path, Ns, SynchronousMode.Normal, FakeClock.Create(), exclusiveLocking: true);
        db.Things.Create("Startup", "acme", """{"name":"Acme"}""");
        db.Things.Update("Startup", "acme", """{"name":"Acme 2"}""");

        var locked = Assert.Throws<SqliteException>(() => ReadOnlyCount(path));
        Assert.Equal(5, locked.SqliteErrorCode); // SQLITE_BUSY: "database is locked"
        Assert.False(File.Exists(path + "-shm")); // the WAL index lives in the connection's memory

        db.Dispose();
        Assert.Equal(2L, ReadOnlyCount(path));
        using var reopened = ObjectDatabase.Open(path, Ns, SynchronousMode.Normal, FakeClock.Create(), exclusiveLocking: true);
        Assert.Equal("""{"name":"Acme 2"}""", reopened.Things.Get("Startup", "acme")!.Data);
    }

    private static long ReadOnlyCount(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandTimeout = 1;
        command.CommandText = "PRAGMA busy_timeout = 0";
        command.ExecuteNonQuery();
        command.CommandText = "SELECT count(*) FROM things";
        return (long)command.ExecuteScalar()!;
    }
}
