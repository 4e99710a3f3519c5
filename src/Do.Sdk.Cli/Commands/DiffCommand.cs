using System.CommandLine;

namespace Do.Cli.Commands;

/// <summary><c>do diff &lt;a&gt; &lt;b&gt;</c>: the fields that differ between two versions of a thing.</summary>
internal static class DiffCommand
{
    public static Command Create(CommandEnvironment environment)
    {
        var first = new Argument<string>("a") { Description = "The earlier ref, a full URL, e.g. https://startups.studio/acme@~1." };
        var second = new Argument<string>("b") { Description = "The later ref: a full URL, or a ref in the same object such as acme or acme@main." };
        var noun = NounOption.Create();
        var command = new Command("diff", "Show the fields that differ between two refs of a thing.") { first, second, noun };
        environment.SetAction(command, async (result, context, cancellationToken) =>
        {
            var a = ThingTarget.Parse(result.GetRequiredValue(first));
            var b = ThingTarget.Parse(result.GetRequiredValue(second), a.Namespace);
            if (a.Namespace != b.Namespace || !string.Equals(a.Id, b.Id, StringComparison.Ordinal))
            {
                throw new CliException($"`do diff` compares two refs of one thing; \"{a.Text}\" and \"{b.Text}\" name different things ({a.Namespace.Value}/{a.Id} and {b.Namespace.Value}/{b.Id}).");
            }

            var nounName = result.GetValue(noun);
            IReadOnlyList<FieldChange> changes;
            using (var remote = environment.Options.Remote(result))
            {
                if (remote is not null)
                {
                    nounName = nounName ?? throw NounOption.RequiredRemotely("diff");
                    changes = await remote.Object(a.Namespace).Transport.DiffAsync(RemoteHost.Noun(nounName), a.LocalRef, b.LocalRef, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    var folder = environment.Options.Folder(result);
                    using var db = folder.OpenObject(folder.Find(a.Namespace));
                    nounName = a.ResolveNoun(db, nounName);
                    changes = db.Lifecycle.Diff(nounName, a.LocalRef, b.LocalRef);
                }
            }

            if (context.Json)
            {
                JsonOutput.Write(context, w =>
                {
                    w.WriteStartObject();
                    w.WriteString("a", a.Text);
                    w.WriteString("b", b.Text);
                    w.WriteString("noun", nounName);
                    w.WriteStartArray("changes");
                    foreach (var change in changes)
                    {
                        w.WriteStartObject();
                        w.WriteString("field", change.Field);
                        JsonOutput.WriteStored(w, "before", change.Before);
                        JsonOutput.WriteStored(w, "after", change.After);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                });
                return 0;
            }

            var table = Tables.Create("Field", a.LocalRef, b.LocalRef);
            foreach (var change in changes)
            {
                Tables.Row(table, change.Field, change.Before ?? "(none)", change.After ?? "(none)");
            }

            Tables.Print(context, table, $"No differences between {a.LocalRef} and {b.LocalRef}.");
            return 0;
        });
        return command;
    }
}
