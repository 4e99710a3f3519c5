using System.CommandLine;
using Spectre.Console;

namespace Do.Cli.Commands;

/// <summary>
/// <c>do compact --all</c>: squashes objects' history to HEAD. On a data folder only while no host runs there (the
/// host lock says so); otherwise through the running host with <c>--url</c>.
/// </summary>
internal static class CompactCommand
{
    public static Command Create(CommandEnvironment environment)
    {
        var all = new Option<bool>("--all") { Description = "Compact every object in the data folder." };
        var ns = NamespaceOption.Create("Compact this object (repeatable).");
        var force = new Option<bool>("--force") { Description = "Also drop other branches (see ObjectClient.Compact(force: true))." };
        var command = new Command("compact", "Squash history to HEAD rows, archiving old actions and events next to each file.") { all, ns, force };
        environment.SetAction(command, async (result, context, cancellationToken) =>
        {
            var names = result.GetValue(ns);
            bool every = result.GetValue(all);
            if (every == names is { Length: > 0 })
            {
                throw new CliException("`do compact` needs either --all or --ns <namespace> (repeatable), not both and not neither.");
            }

            var outcomes = new List<(string Ns, CompactResult? Result, string? Error)>();
            using (var remote = environment.Options.Remote(result))
            {
                if (remote is not null)
                {
                    if (every)
                    {
                        throw RemoteHost.Unsupported("compact --all", "the HTTP API has no list of objects; name them with --ns");
                    }

                    foreach (var name in NamespaceOption.Require(names, "compact"))
                    {
                        outcomes.Add(await Run(name.Value, () => remote.Object(name).Compact(result.GetValue(force), cancellationToken)).ConfigureAwait(false));
                    }
                }
                else
                {
                    var folder = environment.Options.Folder(result);
                    var rows = NamespaceOption.Select(folder, names);
                    using var hold = folder.LockForWriting("compact");
                    await WithProgress(context, "Compacting", rows.Count, async step =>
                    {
                        foreach (var row in rows)
                        {
                            outcomes.Add(await Run(row.Namespace, () =>
                            {
                                using var db = folder.OpenObjectForWriting(row);
                                return Task.FromResult(db.Lifecycle.Compact(result.GetValue(force)));
                            }).ConfigureAwait(false));
                            step(row.Namespace);
                        }
                    }).ConfigureAwait(false);
                }
            }

            Print(context, outcomes);
            return outcomes.Any(o => o.Error is not null) ? CommandEnvironment.Failed : 0;
        });
        return command;
    }

    /// <summary>Runs <paramref name="work"/> with a progress bar of <paramref name="total"/> steps; none with --json.</summary>
    internal static async Task WithProgress(CliContext context, string what, int total, Func<Action<string>, Task> work)
    {
        if (context.Json)
        {
            await work(_ => { }).ConfigureAwait(false);
            return;
        }

        await context.Out.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask(Markup.Escape(what), maxValue: Math.Max(total, 1));
                await work(name =>
                {
                    task.Description = Markup.Escape($"{what} {name}");
                    task.Increment(1);
                }).ConfigureAwait(false);
                task.Value = task.MaxValue;
            }).ConfigureAwait(false);
    }

    // One object's failure (e.g. branches without --force) is reported with the others' results, not instead of them.
    private static async Task<(string, CompactResult?, string?)> Run(string ns, Func<Task<CompactResult>> compact)
    {
        try
        {
            return (ns, await compact().ConfigureAwait(false), null);
        }
        catch (Exception e) when (e is InvalidOperationException or CliException or StorageException or Client.DoRemoteException)
        {
            return (ns, null, e.Message);
        }
    }

    private static void Print(CliContext context, List<(string Ns, CompactResult? Result, string? Error)> outcomes)
    {
        if (context.Json)
        {
            JsonOutput.Write(context, w =>
            {
                w.WriteStartArray();
                foreach (var (ns, r, error) in outcomes)
                {
                    w.WriteStartObject();
                    w.WriteString("ns", ns);
                    w.WriteBoolean("compacted", r is not null);
                    if (r is not null)
                    {
                        w.WriteNumber("rowsBefore", r.RowsBefore);
                        w.WriteNumber("rowsAfter", r.RowsAfter);
                        w.WriteNumber("bytesBefore", r.BytesBefore);
                        w.WriteNumber("bytesAfter", r.BytesAfter);
                        w.WriteNumber("archivedActions", r.ArchivedActions);
                        w.WriteNumber("archivedEvents", r.ArchivedEvents);
                        w.WriteString("archive", r.ArchivePath);
                    }
                    else
                    {
                        w.WriteString("error", error);
                    }

                    w.WriteEndObject();
                }

                w.WriteEndArray();
            });
            return;
        }

        var table = Tables.Create("Object", "Rows", "Bytes", "Archived", "Error");
        foreach (var (ns, r, error) in outcomes)
        {
            Tables.Row(table, ns,
                r is null ? "" : $"{r.RowsBefore} -> {r.RowsAfter}",
                r is null ? "" : $"{r.BytesBefore} -> {r.BytesAfter}",
                r is null ? "" : $"{r.ArchivedActions} actions, {r.ArchivedEvents} events",
                error);
        }

        Tables.Print(context, table, "No objects to compact.");
    }
}
