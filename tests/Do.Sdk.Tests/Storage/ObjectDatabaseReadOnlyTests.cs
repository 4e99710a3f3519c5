using Do.Storage;
using Do.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Do.Tests.Storage;

/// <summary>Tools (the `do` command line) read an object's file with the runtime's readers, never writing it.</summary>
public sealed class ObjectDatabaseReadOnlyTests : IDisposable
{
    private readonly TestDatabase _test = new();

    public void Dispose() => _test.Dispose();

    [Fact]
    public void OpenReadOnly_WhileTheWriterHasItOpen_ReadsCommittedVersions()
    {
        _test.Db.Things.Create("Startup", "acme", """{"name":"Acme"}""");
        _test.Db.Things.Update("Startup", "acme", """{"name":"Acme 2"}""");

        using var reader = ObjectDatabase.OpenReadOnly(_test.Path, _test.Namespace);

        Assert.Equal("""{"name":"Acme 2"}""", reader.Things.Get("Startup", "acme")!.Data);
        Assert.Equal("""{"name":"Acme"}""", reader.Things.Get("Startup", "acme@~1")!.Data);
    }

    [Fact]
    public void OpenReadOnly_RefusesWrites_AndLeavesTheFileAsItWas()
    {
        _test.Db.Things.Create("Startup", "acme", """{"name":"Acme"}""");
        var before = Sql.Rows(_test.Path, "SELECT version, data FROM things");
        using var reader = ObjectDatabase.OpenReadOnly(_test.Path, _test.Namespace);

        Assert.Throws<SqliteException>(() => reader.Things.Create("Startup", "beta", """{"name":"Beta"}"""));

        Assert.Equal(before, Sql.Rows(_test.Path, "SELECT version, data FROM things"));
    }

    [Fact]
    public void OpenReadOnly_AnotherObjectsFile_IsRefusedNamingBoth()
    {
        var e = Assert.Throws<StorageException>(() => ObjectDatabase.OpenReadOnly(_test.Path, ObjectNamespace.Parse("https://other.example")));

        Assert.Contains("https://other.example", e.Message, StringComparison.Ordinal);
        Assert.Contains(_test.Namespace.Value, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenReadOnly_OlderSchema_SaysTheHostMigratesIt()
    {
        Sql.Scalar(_test.Path, "PRAGMA user_version = 1");

        var e = Assert.Throws<StorageException>(() => ObjectDatabase.OpenReadOnly(_test.Path, _test.Namespace));

        Assert.Contains("schema version 1", e.Message, StringComparison.Ordinal);
        Assert.Contains("migrates", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenReadOnly_MissingFile_NamesIt()
    {
        var missing = _test.Path + ".gone";

        var e = Assert.Throws<StorageException>(() => ObjectDatabase.OpenReadOnly(missing, _test.Namespace));

        Assert.Contains(missing, e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
    }
}
