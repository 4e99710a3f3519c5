using System.CommandLine;

namespace Do.Cli.Commands;

/// <summary><c>do objects</c>: every object in the data folder's catalog.</summary>
internal static class ObjectsCommand
{
    public static Command Create(CommandEnvironment environment)
    {
        var command = new Command("objects", "List the objects in the data folder: namespace, class, next alarm, pending work.");
        environment.SetAction(command, (result, context, _) =>
        {
            if (result.GetValue(environment.Options.Url) is not null)
            {
                throw RemoteHost.Unsupported("objects", "the HTTP API has no list of objects (it serves one namespace at a time)");
            }

            var rows = environment.Options.Folder(result).Objects();
            if (context.Json)
            {
                JsonOutput.Write(context, w =>
                {
                    w.WriteStartArray();
                    foreach (var row in rows)
                    {
                        w.WriteStartObject();
                        w.WriteString("ns", row.Namespace);
                        w.WriteString("class", row.Class);
                        w.WriteString("file", row.File);
                        w.WriteString("colo", row.Colo);
                        JsonOutput.WriteTime(w, "createdAt", row.CreatedAt);
                        JsonOutput.WriteTime(w, "nextAlarm", row.NextAlarm);
                        w.WriteBoolean("pending", row.HasPending);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                });
            }
            else
            {
                var table = Tables.Create("Namespace", "Class", "Created", "Next alarm", "Pending", "File");
                foreach (var row in rows)
                {
                    Tables.Row(table, row.Namespace, row.Class, Tables.Time(row.CreatedAt), Tables.Time(row.NextAlarm), row.HasPending ? "yes" : "", row.Colo is null ? row.File : $"{row.Colo}:{row.File}");
                }

                Tables.Print(context, table, "No objects yet.");
            }

            return Task.FromResult(0);
        });
        return command;
    }
}
