using Spectre.Console.Testing;

namespace Do.Cli.Tests.Support;

/// <summary>How one run of `do` ended: its exit code, what it printed and what it reported as an error.</summary>
public sealed record CliResult(int ExitCode, string Output, string Error);

/// <summary>Runs the `do` command line in process, on a Spectre test console, the way Program.Main does.</summary>
public static class DoTool
{
    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(interactive: false, args);

    /// <summary>Runs `do`; an interactive console renders live widgets such as progress bars.</summary>
    public static async Task<CliResult> RunAsync(bool interactive, params string[] args)
    {
        // Wide enough that no table or line wraps in the captured output.
        var console = new TestConsole().Width(400);
        if (interactive)
        {
            console.Interactive();
        }

        var error = new StringWriter();
        var code = await DoCommandLine.RunAsync(args, console, error);
        return new CliResult(code, console.Output, error.ToString());
    }

    /// <summary>Runs `do` and fails the test, with everything it printed, unless it exited with 0.</summary>
    public static Task<CliResult> SucceedAsync(params string[] args) => SucceedAsync(interactive: false, args);

    /// <summary>Runs `do` on a console that is interactive or not, failing the test unless it exited with 0.</summary>
    public static async Task<CliResult> SucceedAsync(bool interactive, params string[] args)
    {
        var result = await RunAsync(interactive, args);
        Assert.True(result.ExitCode == 0, $"do {string.Join(' ', args)} exited with {result.ExitCode}\n{result.Error}\n{result.Output}");
        return result;
    }

    /// <summary>Runs `do` expecting a clear failure: a non-zero exit code and one "error:" line, nothing half-printed.</summary>
    public static async Task<string> FailAsync(params string[] args)
    {
        var result = await RunAsync(args);
        Assert.True(result.ExitCode != 0, $"do {string.Join(' ', args)} should have failed\n{result.Output}");
        Assert.StartsWith("error: ", result.Error, StringComparison.Ordinal);
        return result.Error;
    }
}
