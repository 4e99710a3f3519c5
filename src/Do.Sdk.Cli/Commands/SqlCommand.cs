using System.CommandLine;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Do.Cli.Commands;

/// <summary><c>do sql &lt;ns&gt; "&lt;query&gt;"</c>: a read-only query against one object's own file.</summary>
internal static class SqlCommand
{
    private const int SqliteReadOnly = 8;

    public static Command Create(CommandEnvironment environment)
    {
        var ns = new Argument<string>("ns") { Description = "The object's namespace, e.g. https://startups.studio." };
        var query = new Argument<string>("query") { Description = "A read-only SQL query, e.g. \"SELECT noun, id, data FROM heads\"." };
        var command = new Command("sql", "Run a read-only SQL query on an object's SQLite file (tables things, stored_actions, stored_events; views actions, events, heads, actions_view, events_view and one per noun).") { ns, query };
        environment.SetAction(command, (result, context, _) =>
        {
            if (result.GetValue(environment.Options.Url) is not null)
            {
                throw RemoteHost.Unsupported("sql", "SQL runs against the object's file, and the HTTP API does not run SQL");
            }

            var folder = environment.Options.Folder(result);
            var file = folder.FileOf(folder.Find(result.GetRequiredValue(ns)));
            var text = result.GetRequiredValue(query);
            using var connection = DataFolder.OpenReadOnly(file);
            using var sql = connection.CreateCommand();
            sql.CommandText = text;
            try
            {
                using var reader = sql.ExecuteReader();
                Print(context, reader);
            }
            catch (SqliteException e) when (e.SqliteErrorCode == SqliteReadOnly)
            {
                throw new CliException($"`do sql` only reads, and \"{text}\" writes ({e.Message}). Use SELECT, WITH or a read-only PRAGMA; change things through verbs.", e);
            }
            catch (SqliteException e)
            {
                throw new CliException($"The query \"{text}\" failed: {e.Message}", e);
            }

            return Task.FromResult(0);
        });
        return command;
    }

    private static void Print(CliContext context, SqliteDataReader reader)
    {
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        if (context.Json)
        {
            JsonOutput.Write(context, w =>
            {
                w.WriteStartArray();
                while (reader.Read())
                {
                    w.WriteStartObject();
                    for (int i = 0; i < columns.Length; i++)
                    {
                        switch (reader.GetValue(i))
                        {
                            case DBNull:
                                w.WriteNull(columns[i]);
                                break;
                            case long number:
                                w.WriteNumber(columns[i], number);
                                break;
                            case double real:
                                w.WriteNumber(columns[i], real);
                                break;
                            case byte[] blob:
                                w.WriteBase64String(columns[i], blob);
                                break;
                            case var other:
                                w.WriteString(columns[i], Convert.ToString(other, CultureInfo.InvariantCulture));
                                break;
                        }
                    }

                    w.WriteEndObject();
                }

                w.WriteEndArray();
            });
            return;
        }

        var table = Tables.Create(columns);
        while (reader.Read())
        {
            Tables.Row(table, [.. Enumerable.Range(0, columns.Length).Select(i => reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))]);
        }

        Tables.Print(context, table, "No rows.");
    }
}
