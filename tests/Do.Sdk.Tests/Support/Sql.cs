using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Do.Tests.Support;

/// <summary>Reads an object's database file through a connection of its own, the way a user's SQL tool would.</summary>
public static class Sql
{
    /// <summary>
    /// Counts the things whose <c>tip</c> is not their newest version on its branch, and tips with no version left: zero
    /// in a consistent file. <c>ThingStore.Append</c> keeps this true itself since schema 15 (no trigger does).
    /// </summary>
    public const string StaleTips = """
        SELECT count(*) FROM (SELECT noun, id, branch, MAX(version) AS newest FROM things GROUP BY noun, id, branch) AS m
        FULL JOIN tip AS t ON t.noun = m.noun AND t.id = m.id AND t.branch = m.branch
        WHERE t.version IS NOT m.newest
        """;

    public static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, Mode = SqliteOpenMode.ReadWrite }.ToString());
        connection.Open();
        return connection;
    }

    public static long Count(string path, string table, string where = "1")
        => Convert.ToInt64(Scalar(path, $"SELECT COUNT(*) FROM {table} WHERE {where}"), CultureInfo.InvariantCulture);

    /// <summary>Counts rows while holding an exclusive lock: fails if any other connection still has the file open for writing.</summary>
    public static long ExclusiveCount(string path, string table)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandTimeout = 1; // Microsoft.Data.Sqlite retries a busy file for CommandTimeout seconds (30 by default)
        command.CommandText = "PRAGMA busy_timeout = 0; PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;";
        command.ExecuteNonQuery();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        var count = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        command.CommandText = "COMMIT";
        command.ExecuteNonQuery();
        return count;
    }

    public static object? Scalar(string path, string sql)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    public static List<object?[]> Rows(string path, string sql)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (int i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>
    /// Every table's row count plus the full content of the tables a write touches, as one text. Two equal snapshots
    /// mean the database holds exactly the same rows.
    /// </summary>
    public static string Snapshot(string path)
    {
        var text = new StringBuilder();
        foreach (var row in Rows(path, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"))
        {
            var table = (string)row[0]!;
            text.Append(table).Append(": ").Append(Count(path, $"\"{table}\"")).AppendLine(" rows");
        }

        foreach (var table in new[] { "things", "actions", "events", "nouns", "relationships", "objects", "search", "schedules" })
        {
            text.AppendLine("-- " + table);
            foreach (var row in Rows(path, $"SELECT * FROM \"{table}\""))
            {
                text.AppendLine(string.Join(" | ", row.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "NULL")));
            }
        }

        return text.ToString();
    }
}
