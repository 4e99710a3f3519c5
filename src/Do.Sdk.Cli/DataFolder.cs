using Do.Hosting;
using Do.Storage;
using Microsoft.Data.Sqlite;

namespace Do.Cli;

/// <summary>
/// A host's data folder, read the way a host never writes it: the catalog and object files are opened with
/// <c>Mode=ReadOnly</c>, so the tool can inspect them while the host runs (WAL lets readers and the writer proceed together).
/// </summary>
internal sealed class DataFolder
{
    private const string CatalogFile = "catalog.db";

    private DataFolder(string path) => Path = path;

    /// <summary>The full path of the folder.</summary>
    public string Path { get; }

    /// <summary>Checks that <paramref name="path"/> is a data folder (it holds a catalog).</summary>
    /// <exception cref="CliException">It is not.</exception>
    public static DataFolder Open(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (!Directory.Exists(full))
        {
            throw new CliException($"The data folder \"{path}\" does not exist ({full}). Point --data at the folder a host was started with (DoHostOptions.DataPath, default ./data), or use --url for a running host.");
        }

        if (!File.Exists(System.IO.Path.Combine(full, CatalogFile)))
        {
            throw new CliException($"\"{path}\" is not a data folder: it has no {CatalogFile}. Point --data at the folder a host was started with (DoHostOptions.DataPath).");
        }

        return new DataFolder(full);
    }

    /// <summary>Every object in the catalog, ordered by namespace.</summary>
    public IReadOnlyList<CatalogRow> Objects()
    {
        using var connection = OpenReadOnly(System.IO.Path.Combine(Path, CatalogFile));
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT ns, class, file, colo, created_at, next_alarm_at, has_pending FROM objects ORDER BY ns";
        using var reader = command.ExecuteReader();
        var rows = new List<CatalogRow>();
        while (reader.Read())
        {
            rows.Add(new CatalogRow(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
                reader.IsDBNull(5) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)),
                reader.GetInt64(6) != 0));
        }

        return rows;
    }

    /// <summary>The catalog row of <paramref name="ns"/>.</summary>
    /// <exception cref="CliException">The value is not a namespace, or no such object is in the catalog.</exception>
    public CatalogRow Find(string ns)
    {
        ObjectNamespace parsed;
        try
        {
            parsed = ObjectNamespace.Parse(ns);
        }
        catch (InvalidIdentifierException e)
        {
            throw new CliException(e.Message, e);
        }

        return Find(parsed);
    }

    /// <summary>The catalog row of <paramref name="ns"/>.</summary>
    /// <exception cref="CliException">No such object is in the catalog.</exception>
    public CatalogRow Find(ObjectNamespace ns)
        => Objects().FirstOrDefault(o => o.Namespace == ns.Value)
            ?? throw new CliException($"There is no object {ns.Value} in {Path}. `do objects` lists the objects there.");

    /// <summary>The full path of an object's database.</summary>
    /// <exception cref="CliException">The file lives in a colo outside the data folder.</exception>
    public string FileOf(CatalogRow row)
    {
        if (row.Colo is not null)
        {
            throw new CliException($"{row.Namespace} lives in the colo \"{row.Colo}\", outside {Path}; its folder is configured in the host's DoHostOptions.Colos. Use --url to reach it through the host.");
        }

        try
        {
            return ObjectPaths.Resolve(Path, row.File);
        }
        catch (StorageException e)
        {
            throw new CliException(e.Message, e);
        }
    }

    /// <summary>Opens an object's database read-only with the runtime's own readers.</summary>
    public ObjectDatabase OpenObject(CatalogRow row)
    {
        try
        {
            return ObjectDatabase.OpenReadOnly(FileOf(row), ObjectNamespace.Parse(row.Namespace));
        }
        catch (StorageException e)
        {
            throw new CliException(e.Message, e);
        }
    }

    /// <summary>Opens an object's database for writing, after <see cref="LockForWriting"/>.</summary>
    public ObjectDatabase OpenObjectForWriting(CatalogRow row)
    {
        try
        {
            return ObjectDatabase.Open(FileOf(row), ObjectNamespace.Parse(row.Namespace));
        }
        catch (StorageException e)
        {
            throw new CliException(e.Message, e);
        }
    }

    /// <summary>
    /// Takes the data folder from every host for a write: refused while a host runs on it, since two writers of one
    /// file would race (the host caches HEADs, holds turns and group commits that the tool cannot see).
    /// </summary>
    /// <exception cref="CliException">A host holds the folder.</exception>
    public IDisposable LockForWriting(string command)
        => HostLock.TryHoldExclusive(Path)
            ?? throw new CliException($"A host is running on {Path}, so `do {command}` will not write its files underneath it. Run it through that host instead with --url <address> (the host's MapDurableObjects endpoint), or stop the host first.");

    /// <summary>Opens a SQLite file for reading only; the connection refuses every write.</summary>
    public static SqliteConnection OpenReadOnly(string file)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        try
        {
            connection.Open();
            using var setup = connection.CreateCommand();
            setup.CommandText = "PRAGMA busy_timeout = 5000; PRAGMA query_only = ON;";
            setup.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
