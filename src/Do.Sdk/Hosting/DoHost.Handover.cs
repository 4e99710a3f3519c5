using Do.Hosting;
using Microsoft.Data.Sqlite;

namespace Do;

/// <summary>
/// Handing an object's file from one host to another (Orleans' per-silo disks: the file travels with a migrating
/// grain). Each step keeps the rule of the catalog: a file is complete before a catalog row points at it, so a crash
/// leaves at most an orphan file, never a row without its file.
/// </summary>
public sealed partial class DoHost
{
    /// <summary>The folder where files handed to another host are kept as a last copy (see docs/orleans.md).</summary>
    internal const string HandedOverFolder = "handed-over";

    /// <summary>True when this host's catalog has <paramref name="ns"/> (its file is on this host's disk).</summary>
    internal bool Holds(ObjectNamespace ns) => _catalog.Find(ns) is not null;

    /// <summary>The class and the complete bytes of a closed object's database, to be written on another host.</summary>
    /// <exception cref="ObjectNotFoundException">This host does not have the object.</exception>
    /// <exception cref="InvalidOperationException">The object is active here.</exception>
    internal (string Class, byte[] Database) ExportObject(ObjectNamespace ns)
    {
        lock (_openLock)
        {
            ThrowIfActive(ns, "exported");
            var entry = CatalogEntryOf(ns);
            var path = ObjectPaths.Resolve(ColoRoot(entry.Colo), entry.File);

            // Folds a write-ahead log left by a process that died into the file, so the bytes are the whole object.
            using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, Mode = SqliteOpenMode.ReadWrite }.ToString()))
            {
                connection.Open();
                using var checkpoint = connection.CreateCommand();
                checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
                checkpoint.ExecuteNonQuery();
            }

            return (entry.Class, File.ReadAllBytes(path));
        }
    }

    /// <summary>
    /// Writes <paramref name="database"/> as the file of <paramref name="ns"/> on this host's disk and catalogs it. A
    /// copy this host already had (left by a hand-over that did not finish) is older: it is kept in the hand-over folder
    /// and replaced.
    /// </summary>
    /// <exception cref="InvalidOperationException">The object is active here.</exception>
    internal void ImportObject(ObjectNamespace ns, string objectClass, ReadOnlySpan<byte> database)
    {
        lock (_openLock)
        {
            ThrowIfActive(ns, "imported");
            if (_catalog.Find(ns) is not null)
            {
                ReleaseObject(ns);
            }

            var relative = ObjectPaths.RelativeFile(ns);
            var full = ObjectPaths.Resolve(DataPath, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            var partial = full + ".incoming";
            using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                file.Write(database);
                file.Flush(flushToDisk: true);
            }

            foreach (var suffix in new[] { "-wal", "-shm" })
            {
                File.Delete(full + suffix);
            }

            File.Move(partial, full, overwrite: true);
            _catalog.Add(new CatalogEntry(ns.Value, objectClass, relative, Time.GetUtcNow()));
            _catalog.SetPending(ns, true); // its first activation here delivers what the last one left undispatched
        }
    }

    /// <summary>
    /// Forgets an object whose file another host now has: the catalog row goes first (the commit point), then the file
    /// moves to <c>{DataPath}/handed-over/</c>. Returns false when this host did not have it.
    /// </summary>
    /// <exception cref="InvalidOperationException">The object is active here.</exception>
    internal bool ReleaseObject(ObjectNamespace ns)
    {
        lock (_openLock)
        {
            ThrowIfActive(ns, "released");
            if (_catalog.Find(ns) is not { } entry)
            {
                return false;
            }

            var path = ObjectPaths.Resolve(ColoRoot(entry.Colo), entry.File);
            _catalog.Remove(ns);
            var kept = Path.Combine(DataPath, HandedOverFolder);
            Directory.CreateDirectory(kept);
            if (File.Exists(path))
            {
                File.Move(path, Path.Combine(kept, Path.GetFileName(path)), overwrite: true);
            }

            foreach (var suffix in new[] { "-wal", "-shm" })
            {
                File.Delete(path + suffix);
            }

            return true;
        }
    }

    private void ThrowIfActive(ObjectNamespace ns, string operation)
    {
        if (_activations.ContainsKey(ns.Value))
        {
            throw new InvalidOperationException($"{ns} is active on this host; it can be {operation} only once it is closed (deactivate it first).");
        }
    }
}
