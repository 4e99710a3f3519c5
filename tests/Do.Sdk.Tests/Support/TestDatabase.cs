using Do.Storage;
using Microsoft.Extensions.Time.Testing;

namespace Do.Tests.Support;

/// <summary>An object database in a temp folder, on a fake clock that starts at a fixed UTC time.</summary>
internal sealed class TestDatabase : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    private readonly TempFolder _temp = new();

    public TestDatabase(string ns = "https://startups.studio")
    {
        Namespace = ObjectNamespace.Parse(ns);
        Path = _temp.File("object.db");
        Db = ObjectDatabase.Open(Path, Namespace, SynchronousMode.Normal, Time);
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public ObjectNamespace Namespace { get; }

    public string Path { get; }

    public string Folder => _temp.Path;

    public ObjectDatabase Db { get; private set; }

    /// <summary>Closes and opens the file again, as a restart would.</summary>
    public ObjectDatabase Reopen()
    {
        Db.Dispose();
        Db = ObjectDatabase.Open(Path, Namespace, SynchronousMode.Normal, Time);
        return Db;
    }

    public void Dispose()
    {
        Db.Dispose();
        _temp.Dispose();
    }
}
