using System.CommandLine;

namespace Do.Cli.Commands;

/// <summary>
/// <c>do replay &lt;id&gt; --ns &lt;ns&gt; --url &lt;host&gt;</c>: runs a dead letter's handler again. Only through a running
/// host: the handler is code in the app, which the tool does not have.
/// </summary>
internal static class ReplayCommand
{
    public static Command Create(CommandEnvironment environment)
    {
        var id = new Argument<long>("id") { Description = "The dead letter's id, as `do dead-letters` lists it." };
        var ns = new Option<string?>("--ns") { Description = "The object the dead letter belongs to (ids are per object)." };
        var command = new Command("replay", "Replay a dead letter: run its handler again on the running host (--url).") { id, ns };
        environment.SetAction(command, async (result, context, cancellationToken) =>
        {
            var letter = result.GetValue(id);
            if (letter <= 0)
            {
                throw new CliException($"The dead letter id {letter} is not valid: ids are positive numbers, as `do dead-letters` lists them.");
            }

            var name = result.GetValue(ns) ?? throw new CliException($"`do replay {letter}` needs --ns <namespace>: dead letter ids are numbered per object. `do dead-letters` shows each one's object.");
            using var remote = environment.Options.Remote(result);
            if (remote is null)
            {
                // Validate the names first, so the refusal below is the only thing left to fix.
                var folder = environment.Options.Folder(result);
                folder.Find(name);
                throw new CliException($"`do replay` runs the dead letter's handler, which is code in your app, so it goes through the running host: do replay {letter} --ns {name} --url <address>. The tool never replays from the data folder.");
            }

            var target = NamespaceOption.Require([name], "replay")[0];
            var replayed = await remote.Object(target).Replay(letter, cancellationToken).ConfigureAwait(false);
            if (context.Json)
            {
                JsonOutput.Write(context, w =>
                {
                    w.WriteStartObject();
                    w.WriteString("ns", target.Value);
                    w.WriteNumber("id", letter);
                    w.WriteBoolean("replayed", replayed);
                    w.WriteEndObject();
                });
            }
            else
            {
                context.Line(replayed
                    ? $"Replayed dead letter {letter} of {target.Value}: its handler succeeded."
                    : $"Dead letter {letter} of {target.Value} failed again; its new error is in `do dead-letters --ns {target.Value}`.");
            }

            return replayed ? 0 : CommandEnvironment.Failed;
        });
        return command;
    }
}
