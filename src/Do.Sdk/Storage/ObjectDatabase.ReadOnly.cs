using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Do.Storage;

// No accessibility modifier: this part follows whatever the other parts declare (the storage types are going internal).
/// <summary>Opening an object's file read-only, for tools that inspect it while a host may be writing it.</summary>
partial class ObjectDatabase
{
    /// <summary>
    /// Opens the database of <paramref name="ns"/> at <paramref name="path"/> read-only: no migration, no pragma that
    /// writes, and SQLite refuses any write on the connection. WAL lets it read while a host writes the same file.
    /// </summary>
    /// <exception cref="StorageException">The file is missing, belongs to another object, or has a schema this build does not read.</exception>
    internal static ObjectDatabase OpenReadOnly(string path, ObjectNamespace ns)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(ns);
        if (!File.Exists(path))
        {
            throw new StorageException($"The database of {ns.Value} is missing: {path} does not exist.");
        }

        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        var connection = new SqliteConnection(builder.ToString());
        ObjectDatabase? db = null;
        try
        {
            connection.Open();
            db = new ObjectDatabase(path, ns, connection, TimeProvider.System);
            db.Execute("PRAGMA busy_timeout = 5000; PRAGMA query_only = ON;");

            // Without migrating, only the current schema is safe to read: an older file is migrated by its host on open.
            var version = Convert.ToInt32(db.Scalar("PRAGMA user_version"), CultureInfo.InvariantCulture);
            var latest = ObjectSchema.Migrations[^1].Version;
            if (version != latest)
            {
                throw new StorageException($"The database {path} has schema version {version}; this build reads version {latest} only. "
                    + (version < latest ? "Open it once with the current host, which migrates it." : "Upgrade Do.Sdk to read it."));
            }

            db.SchemaVersion = version;
            db.CheckOwner();
            db.Lifecycle.RestoreCheckout();
            return db;
        }
        catch
        {
            if (db is not null)
            {
                db.Dispose();
            }
            else
            {
                connection.Dispose();
            }

            throw;
        }
    }
}
