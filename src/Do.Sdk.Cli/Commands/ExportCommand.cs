using System.CommandLine;
using System.Text.Json;

namespace Do.Cli.Commands;

/// <summary>
/// <c>do export</c>: every object's version log as JSON lines, one file per object plus an index, read-only from the
/// data folder (safe while a host runs).
/// </summary>
internal static class ExportCommand
{
    public static Command Create(CommandEnvironment environment)
    {
        var ns = NamespaceOption.Create("Export only this object (repeatable); every object when not given.");
        var output = new Option<string>("--out") { Description = "The folder to write into (created if missing).", DefaultValueFactory = _ => "export" };
        var command = new Command("export", "Export objects' things, every version, as JSON lines: <out>/<file>.jsonl per object and <out>/index.json.") { ns, output };
        environment.SetAction(command, async (result, context, cancellationToken) =>
        {
            if (result.GetValue(environment.Options.Url) is not null)
            {
                throw RemoteHost.Unsupported("export", "the HTTP API has no list of objects nor of all versions of every thing");
            }

            var folder = environment.Options.Folder(result);
            var rows = NamespaceOption.Select(folder, result.GetValue(ns));
            var target = Path.GetFullPath(result.GetValue(output) ?? "export");
            Directory.CreateDirectory(target);
            var exported = new List<(CatalogRow Row, string File, long Versions)>();
            await CompactCommand.WithProgress(context, "Exporting", rows.Count, async step =>
            {
                foreach (var row in rows)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var file = Path.GetFileNameWithoutExtension(row.File) + ".jsonl";
                    exported.Add((row, file, await ExportObject(folder, row, Path.Combine(target, file), cancellationToken).ConfigureAwait(false)));
                    step(row.Namespace);
                }
            }).ConfigureAwait(false);

            await WriteIndex(Path.Combine(target, "index.json"), exported, cancellationToken).ConfigureAwait(false);
            if (context.Json)
            {
                JsonOutput.Write(context, w =>
                {
                    w.WriteStartObject();
                    w.WriteString("folder", target);
                    w.WriteStartArray("objects");
                    foreach (var (row, file, versions) in exported)
                    {
                        w.WriteStartObject();
                        w.WriteString("ns", row.Namespace);
                        w.WriteString("file", file);
                        w.WriteNumber("versions", versions);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                });
            }
            else
            {
                context.Line($"Exported {exported.Count} object(s), {exported.Sum(e => e.Versions)} version(s), to {target}.");
            }

            return 0;
        });
        return command;
    }

    // Written under a temporary name and moved into place, so an interrupted export never leaves a half file that looks whole.
    private static async Task<long> ExportObject(DataFolder folder, CatalogRow row, string path, CancellationToken cancellationToken)
    {
        using var db = folder.OpenObject(row);
        var temporary = path + ".tmp";
        long count = 0;
        await using (var stream = File.Create(temporary))
        {
            using var reader = db.Command("""
                SELECT t.version, b.name, n.name, t.id, t.deleted, t.data
                FROM things AS t JOIN nouns AS n ON n.id = t.noun JOIN branches AS b ON b.id = t.branch
                ORDER BY t.version
                """).ExecuteReader();
            while (reader.Read())
            {
                using (var writer = new Utf8JsonWriter(stream))
                {
                    writer.WriteStartObject();
                    writer.WriteString("ns", row.Namespace);
                    writer.WriteString("noun", reader.GetString(2));
                    writer.WriteString("id", reader.GetString(3));
                    writer.WriteNumber("version", reader.GetInt64(0));
                    writer.WriteString("branch", reader.GetString(1));
                    writer.WriteBoolean("deleted", reader.GetInt64(4) != 0);
                    JsonOutput.WriteStored(writer, "data", reader.IsDBNull(5) ? null : reader.GetString(5));
                    writer.WriteEndObject();
                }

                stream.WriteByte((byte)'\n');
                count++;
                if (count % 1024 == 0)
                {
                    await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }

        File.Move(temporary, path, overwrite: true);
        return count;
    }

    private static async Task WriteIndex(string path, List<(CatalogRow Row, string File, long Versions)> exported, CancellationToken cancellationToken)
    {
        await using var stream = File.Create(path);
        await using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        writer.WriteStartArray();
        foreach (var (row, file, versions) in exported)
        {
            writer.WriteStartObject();
            writer.WriteString("ns", row.Namespace);
            writer.WriteString("class", row.Class);
            writer.WriteString("file", file);
            writer.WriteNumber("versions", versions);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
