using System.Diagnostics;
using System.Text;

namespace Do.Sdk.Package.Tests.Infrastructure;

/// <summary>The <c>dotnet</c> CLI as a child process, the way a user runs it.</summary>
internal static class DotNet
{
    // A native AOT publish takes minutes on a loaded 2-core machine; this only bounds a hung child.
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Variables the parent <c>dotnet test</c> sets for its own MSBuild; a child must find its SDK itself, or it
    /// would build against the parent's SDK paths even where a different SDK applies.
    /// </summary>
    private static readonly string[] s_inheritedMSBuildVariables =
    [
        "MSBuildExtensionsPath",
        "MSBuildSDKsPath",
        "MSBUILD_EXE_PATH",
        "MSBuildLoadMicrosoftTargetsReadOnly",
    ];

    /// <summary>The dotnet host running this test, else the one on PATH.</summary>
    public static string HostPath
    {
        get
        {
            if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath))
            {
                return hostPath;
            }

            if (Environment.ProcessPath is { } processPath
                && Path.GetFileNameWithoutExtension(processPath).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
            {
                return processPath;
            }

            return "dotnet";
        }
    }

    /// <summary>
    /// <c>dotnet build</c> (or pack) in <paramref name="workingDirectory"/> without build servers — MSBuild nodes
    /// or a compiler server left running by a child of <c>dotnet test</c> can keep the test run from ending — and
    /// with the classic console log, whose "error DO0001" and "0 Warning(s)" lines the tests read.
    /// </summary>
    public static Task<CommandResult> MSBuildAsync(string workingDirectory, params string[] arguments)
        => RunAsync(workingDirectory, [.. arguments, "-nodeReuse:false", "-p:UseSharedCompilation=false", "--disable-build-servers", "-tl:off"]);

    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/>, capturing standard output and error as one log.</summary>
    public static Task<CommandResult> RunAsync(string workingDirectory, params string[] arguments)
        => RunProgramAsync(HostPath, workingDirectory, arguments);

    /// <summary>Runs <paramref name="program"/> (e.g. a natively published app) in the same environment as <c>dotnet</c>.</summary>
    public static async Task<CommandResult> RunProgramAsync(string program, string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var variable in s_inheritedMSBuildVariables)
        {
            start.Environment.Remove(variable);
        }

        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";

        var log = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(log, e.Data);
        process.ErrorDataReceived += (_, e) => Append(log, e.Data);

        var stopwatch = Stopwatch.StartNew();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = new CancellationTokenSource(s_timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Append(log, $"<killed after {s_timeout.TotalMinutes:0} minutes>");
        }

        // The parameterless wait also drains the redirected streams.
        await process.WaitForExitAsync();
        string output;
        lock (log)
        {
            output = log.ToString();
        }

        var name = program == HostPath ? "dotnet" : program;
        return new CommandResult($"{name} {string.Join(' ', arguments)}", workingDirectory, process.ExitCode, output, stopwatch.Elapsed);
    }

    private static void Append(StringBuilder log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.AppendLine(line);
        }
    }
}
