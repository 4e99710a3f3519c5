using Do.Cli;
using Spectre.Console;

return await DoCommandLine.RunAsync(args, AnsiConsole.Console, Console.Error).ConfigureAwait(false);
