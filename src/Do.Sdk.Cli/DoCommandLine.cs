using System.CommandLine;
using Do.Cli.Commands;
using Spectre.Console;

namespace Do.Cli;

/// <summary>The <c>do</c> command line: builds the commands and runs one.</summary>
public static class DoCommandLine
{
    /// <summary>
    /// Runs the command in <paramref name="args"/>, writing results to <paramref name="console"/> and errors to
    /// <paramref name="error"/>.
    /// </summary>
    /// <returns>0 on success; non-zero when the input was bad or the command failed.</returns>
    public static Task<int> RunAsync(string[] args, IAnsiConsole console, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(error);
        var root = Build(new CommandEnvironment(console, error));
        var configuration = new InvocationConfiguration { Output = console.Profile.Out.Writer, Error = error };
        return root.Parse(args).InvokeAsync(configuration, cancellationToken);
    }

    private static RootCommand Build(CommandEnvironment environment)
    {
        var root = new RootCommand("Inspect and operate Do.Sdk durable objects: on a host's data folder (--data, read-only while the host runs) or a running host (--url).");
        environment.Options.AddTo(root);
        root.Subcommands.Add(ObjectsCommand.Create(environment));
        root.Subcommands.Add(ShowCommand.Create(environment));
        root.Subcommands.Add(LogCommand.Create(environment));
        root.Subcommands.Add(DiffCommand.Create(environment));
        root.Subcommands.Add(SqlCommand.Create(environment));
        root.Subcommands.Add(ActionsCommand.Create(environment));
        root.Subcommands.Add(DeadLettersCommand.Create(environment));
        root.Subcommands.Add(ReplayCommand.Create(environment));
        root.Subcommands.Add(CompactCommand.Create(environment));
        root.Subcommands.Add(ExportCommand.Create(environment));
        return root;
    }
}
