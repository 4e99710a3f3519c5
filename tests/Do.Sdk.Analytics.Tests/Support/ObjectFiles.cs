using Microsoft.Data.Sqlite;

namespace Do.Analytics.Tests.Support;

/// <summary>What the objects' own SQLite files hold, read through separate read-only connections.</summary>
public static class ObjectFiles
{
    /// <summary>Every event id (<c>ns#sequence</c>) in every object file under <paramref name="data"/>.</summary>
    public static List<string> EventIds(string data)
    {
        var ids = new List<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(data, "objects"), "*.db", SearchOption.AllDirectories))
        {
            using var db = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
            db.Open();
            using var command = db.CreateCommand();
            command.CommandText = "SELECT (SELECT value FROM meta WHERE key = 'ns') || '#' || sequence FROM events";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                ids.Add(reader.GetString(0));
            }
        }

        return ids;
    }

    /// <summary>The mark of <paramref name="sink"/> in one object's file (0 when it has none).</summary>
    public static long Mark(string data, string sink)
    {
        var file = Directory.GetFiles(Path.Combine(data, "objects"), "*.db", SearchOption.AllDirectories).Single();
        using var db = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = "SELECT coalesce((SELECT sequence FROM event_streams WHERE sink = $sink), 0)";
        command.Parameters.AddWithValue("$sink", sink);
        return (long)command.ExecuteScalar()!;
    }
}
