using System.CommandLine;
using System.Text.Json;
using Do.Transport;

namespace Do.Cli.Commands;

/// <summary><c>do show &lt;ref&gt;</c>: a thing at any ref, its fields as stored.</summary>
internal static class ShowCommand
{
    public static Command Create(CommandEnvironment environment)
    {
        var reference = new Argument<string>("ref") { Description = "The thing's full URL with an optional ref, e.g. https://startups.studio/acme@~1." };
        var noun = NounOption.Create();
        var command = new Command("show", "Show a thing at a ref: HEAD, @branch, @v<version>, @~<n> or @<time>.") { reference, noun };
        environment.SetAction(command, async (result, context, cancellationToken) =>
        {
            var target = ThingTarget.Parse(result.GetRequiredValue(reference));
            var nounName = result.GetValue(noun);
            long? version = null;
            bool deleted;
            string? data;
            using (var remote = environment.Options.Remote(result))
            {
                if (remote is not null)
                {
                    nounName = nounName ?? throw NounOption.RequiredRemotely("show");
                    data = await remote.Object(target.Namespace).Transport.FindAsync(RemoteHost.Noun(nounName), Ref.Parse(target.LocalRef), cancellationToken).ConfigureAwait(false)
                        ?? throw new CliException($"{target.Text} selects nothing: there is no {nounName} \"{target.Id}\" at that ref on {remote.Address}.");
                    deleted = false;
                }
                else
                {
                    var folder = environment.Options.Folder(result);
                    using var db = folder.OpenObject(folder.Find(target.Namespace));
                    nounName = target.ResolveNoun(db, nounName);
                    var record = db.Things.Get(nounName, target.LocalRef)
                        ?? throw new CliException($"{target.Text} selects nothing: {nounName} \"{target.Id}\" has no version at that ref.");
                    (version, deleted, data) = (record.Version, record.Deleted, record.Data);
                }
            }

            Print(context, target, nounName, version, deleted, data);
            return 0;
        });
        return command;
    }

    private static void Print(CliContext context, ThingTarget target, string noun, long? version, bool deleted, string? data)
    {
        if (context.Json)
        {
            JsonOutput.Write(context, w =>
            {
                w.WriteStartObject();
                w.WriteString("ref", target.Text);
                w.WriteString("ns", target.Namespace.Value);
                w.WriteString("noun", noun);
                w.WriteString("id", target.Id);
                if (version is { } v)
                {
                    w.WriteNumber("version", v);
                }

                w.WriteBoolean("deleted", deleted);
                JsonOutput.WriteStored(w, "data", data);
                w.WriteEndObject();
            });
            return;
        }

        context.Line($"{noun} {target.Namespace.Value}/{target.Id}" + (version is { } at ? $" @v{at}" : "") + (deleted ? " (deleted)" : ""));
        var table = Tables.Create("Field", "Value");
        foreach (var (field, value) in Fields(data))
        {
            Tables.Row(table, field, value);
        }

        Tables.Print(context, table, deleted ? "This version is a tombstone: the thing was deleted." : "No fields.");
    }

    /// <summary>The top-level properties of stored JSON, values as JSON text (strings unquoted).</summary>
    internal static IEnumerable<(string Field, string Value)> Fields(string? json)
    {
        if (json is null)
        {
            yield break;
        }

        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            yield return ("(value)", document.RootElement.GetRawText());
            yield break;
        }

        foreach (var property in document.RootElement.EnumerateObject())
        {
            yield return (property.Name, property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText());
        }
    }
}
