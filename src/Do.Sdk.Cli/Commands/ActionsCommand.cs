using System.CommandLine;
using Do.Execution;

namespace Do.Cli.Commands;

/// <summary><c>do actions --failed</c>: the action log of every object (or those named), newest first.</summary>
internal static class ActionsCommand
{
    public static Command Create(CommandEnvironment environment)
    {
        var failed = new Option<bool>("--failed") { Description = "Only actions that failed after their last attempt." };
        var ns = NamespaceOption.Create("Only this object (repeatable); every object in the data folder when not given.");
        var limit = new Option<int>("--limit") { Description = $"At most this many actions per object (1 to {ActionFilter.MaxLimit}).", DefaultValueFactory = _ => 100 };
        var command = new Command("actions", "List actions: verb, target, status, attempts and error.") { failed, ns, limit };
        environment.SetAction(command, async (result, context, cancellationToken) =>
        {
            var filter = new ActionFilter { Status = result.GetValue(failed) ? ActionStatus.Failed : null, Limit = result.GetValue(limit) };
            try
            {
                filter.Validate();
            }
            catch (ArgumentException e)
            {
                throw new CliException($"--limit {filter.Limit} is out of range: {e.Message}", e);
            }

            var found = new List<(string Ns, ActionInfo Action)>();
            using (var remote = environment.Options.Remote(result))
            {
                if (remote is not null)
                {
                    foreach (var name in NamespaceOption.Require(result.GetValue(ns), "actions"))
                    {
                        IReadOnlyList<ActionInfo> actions;
                        try
                        {
                            actions = await remote.Object(name).Actions(filter, cancellationToken).ConfigureAwait(false);
                        }
                        catch (NotSupportedException e)
                        {
                            throw new CliException(RemoteHost.Unsupported("actions", "this version's HTTP client (DoClient) cannot read the action log yet").Message, e);
                        }

                        found.AddRange(actions.Select(a => (name.Value, a)));
                    }
                }
                else
                {
                    var folder = environment.Options.Folder(result);
                    foreach (var row in NamespaceOption.Select(folder, result.GetValue(ns)))
                    {
                        using var db = folder.OpenObject(row);
                        found.AddRange(ActionQueries.List(db, filter).Select(a => (row.Namespace, a)));
                    }
                }
            }

            if (context.Json)
            {
                JsonOutput.Write(context, w =>
                {
                    w.WriteStartArray();
                    foreach (var (name, a) in found)
                    {
                        w.WriteStartObject();
                        w.WriteString("ns", name);
                        w.WriteNumber("id", a.Id);
                        w.WriteString("verb", a.Verb);
                        w.WriteString("target", a.Target);
                        w.WriteString("actor", a.Actor);
                        w.WriteString("status", a.Status.ToString().ToLowerInvariant());
                        w.WriteNumber("attempts", a.Attempts);
                        w.WriteString("error", a.Error);
                        JsonOutput.WriteStored(w, "input", a.Input);
                        JsonOutput.WriteTime(w, "at", a.At);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                });
                return 0;
            }

            var table = Tables.Create("Object", "Id", "Verb", "Target", "Status", "Attempts", "At", "Error");
            foreach (var (name, a) in found)
            {
                Tables.Row(table, name, a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), a.Verb, a.Target, a.Status.ToString().ToLowerInvariant(), a.Attempts.ToString(System.Globalization.CultureInfo.InvariantCulture), Tables.Time(a.At), a.Error);
            }

            Tables.Print(context, table, filter.Status is null ? "No actions." : "No failed actions.");
            return 0;
        });
        return command;
    }
}
