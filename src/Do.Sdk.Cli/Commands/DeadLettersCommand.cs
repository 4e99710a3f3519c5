using System.CommandLine;
using System.Globalization;
using Do.Events;

namespace Do.Cli.Commands;

/// <summary><c>do dead-letters</c>: events a handler kept failing on, with the handler and the error.</summary>
internal static class DeadLettersCommand
{
    public static Command Create(CommandEnvironment environment)
    {
        var ns = NamespaceOption.Create("Only this object (repeatable); every object in the data folder when not given.");
        var replayed = new Option<bool>("--replayed") { Description = "Include dead letters already replayed." };
        var command = new Command("dead-letters", "List dead letters: the event, the handler that failed on it, its error. Replay one with `do replay <id> --ns <ns> --url <host>`.") { ns, replayed };
        environment.SetAction(command, async (result, context, cancellationToken) =>
        {
            var includeReplayed = result.GetValue(replayed);
            var found = new List<(string Ns, DeadLetter Letter)>();
            using (var remote = environment.Options.Remote(result))
            {
                if (remote is not null)
                {
                    foreach (var name in NamespaceOption.Require(result.GetValue(ns), "dead-letters"))
                    {
                        var letters = await remote.Object(name).DeadLetters(includeReplayed, cancellationToken).ConfigureAwait(false);
                        found.AddRange(letters.Select(l => (name.Value, l)));
                    }
                }
                else
                {
                    var folder = environment.Options.Folder(result);
                    foreach (var row in NamespaceOption.Select(folder, result.GetValue(ns)))
                    {
                        using var db = folder.OpenObject(row);
                        found.AddRange(new DeadLetterStore(db).List(includeReplayed).Select(l => (row.Namespace, l)));
                    }
                }
            }

            if (context.Json)
            {
                JsonOutput.Write(context, w =>
                {
                    w.WriteStartArray();
                    foreach (var (name, l) in found)
                    {
                        w.WriteStartObject();
                        w.WriteString("ns", name);
                        w.WriteNumber("id", l.Id);
                        w.WriteString("handler", l.Handler);
                        w.WriteString("error", l.Error);
                        w.WriteNumber("attempts", l.Attempts);
                        JsonOutput.WriteTime(w, "createdAt", l.CreatedAt);
                        JsonOutput.WriteTime(w, "replayedAt", l.ReplayedAt);
                        w.WriteStartObject("event");
                        w.WriteNumber("sequence", l.Event.Sequence);
                        w.WriteString("type", l.Event.Type);
                        w.WriteString("thing", l.Event.Thing);
                        JsonOutput.WriteStored(w, "data", l.Event.Data);
                        w.WriteEndObject();
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                });
                return 0;
            }

            var table = Tables.Create("Object", "Id", "Event", "Thing", "Handler", "Attempts", "Error", "Replayed");
            foreach (var (name, l) in found)
            {
                Tables.Row(table, name, l.Id.ToString(CultureInfo.InvariantCulture), l.Event.Type, l.Event.Thing, l.Handler, l.Attempts.ToString(CultureInfo.InvariantCulture), l.Error, Tables.Time(l.ReplayedAt));
            }

            Tables.Print(context, table, "No dead letters.");
            return 0;
        });
        return command;
    }
}
