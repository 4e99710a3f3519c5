using System.CommandLine;
using Do.Transport;

namespace Do.Cli.Commands;

/// <summary><c>do log &lt;ref&gt;</c>: every version of a thing, newest first, with the verb that wrote it.</summary>
internal static class LogCommand
{
    public static Command Create(CommandEnvironment environment)
    {
        var reference = new Argument<string>("ref") { Description = "The thing's full URL, e.g. https://startups.studio/acme." };
        var noun = NounOption.Create();
        var command = new Command("log", "Show a thing's history: each version, the verb that wrote it and when.") { reference, noun };
        environment.SetAction(command, async (result, context, cancellationToken) =>
        {
            var target = ThingTarget.Parse(result.GetRequiredValue(reference));
            var nounName = result.GetValue(noun);
            IReadOnlyList<ThingVersionData> versions;
            using (var remote = environment.Options.Remote(result))
            {
                if (remote is not null)
                {
                    nounName = nounName ?? throw NounOption.RequiredRemotely("log");
                    versions = await remote.Object(target.Namespace).Transport.HistoryAsync(RemoteHost.Noun(nounName), target.Id, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    var folder = environment.Options.Folder(result);
                    using var db = folder.OpenObject(folder.Find(target.Namespace));
                    nounName = target.ResolveNoun(db, nounName);
                    versions = [.. db.Things.History(nounName, target.Id).Select(h => new ThingVersionData(h.Thing.Version, h.Thing.Data, h.Thing.Deleted, h.Verb, h.At))];
                }
            }

            if (context.Json)
            {
                JsonOutput.Write(context, w =>
                {
                    w.WriteStartObject();
                    w.WriteString("ns", target.Namespace.Value);
                    w.WriteString("noun", nounName);
                    w.WriteString("id", target.Id);
                    w.WriteStartArray("versions");
                    foreach (var v in versions)
                    {
                        w.WriteStartObject();
                        w.WriteNumber("version", v.Version);
                        w.WriteString("verb", v.Verb);
                        JsonOutput.WriteTime(w, "at", v.At);
                        w.WriteBoolean("deleted", v.Deleted);
                        JsonOutput.WriteStored(w, "data", v.Json);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                });
                return 0;
            }

            var table = Tables.Create("Version", "Verb", "At", "Data");
            foreach (var v in versions)
            {
                Tables.Row(table, "v" + v.Version, v.Verb, Tables.Time(v.At), v.Deleted ? "(deleted)" : v.Json);
            }

            Tables.Print(context, table, $"{nounName} \"{target.Id}\" has no history on the checked-out branch.");
            return 0;
        });
        return command;
    }
}
