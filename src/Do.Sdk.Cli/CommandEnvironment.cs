using System.CommandLine;
using Do.Client;
using Microsoft.Data.Sqlite;
using Spectre.Console;

namespace Do.Cli;

/// <summary>What every command shares: the consoles, the common options, and one way to report failures.</summary>
internal sealed class CommandEnvironment(IAnsiConsole console, TextWriter error)
{
    /// <summary>Exit code of a command that failed: bad input, a missing object, a refused write, a remote error.</summary>
    public const int Failed = 1;

    public CommonOptions Options { get; } = new();

    /// <summary>
    /// Sets <paramref name="command"/>'s action to <paramref name="run"/>, turning every error a user can cause into
    /// "error: message" on standard error and exit code <see cref="Failed"/>; a bug still surfaces with its stack.
    /// </summary>
    public void SetAction(Command command, Func<ParseResult, CliContext, CancellationToken, Task<int>> run)
        => command.SetAction(async (result, cancellationToken) =>
        {
            var context = new CliContext(console, error, result.GetValue(Options.Json));
            try
            {
                return await run(result, context, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (Describe(e) is { } message)
            {
                await error.WriteLineAsync("error: " + message).ConfigureAwait(false);
                return Failed;
            }
        });

    private static string? Describe(Exception e) => e switch
    {
        CliException or InvalidIdentifierException or StorageException or RefNotFoundException or ThingNotFoundException => e.Message,
        DoRemoteException => e.Message,
        HttpRequestException => $"the host did not answer: {e.Message}",
        NotSupportedException or ArgumentException or UnauthorizedAccessException or TimeoutException => e.Message,
        InvalidOperationException => e.Message,
        SqliteException sql => $"SQLite failed: {sql.Message}",
        _ => null,
    };
}
