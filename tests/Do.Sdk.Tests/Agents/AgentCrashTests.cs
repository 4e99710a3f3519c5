using System.Diagnostics;
using Do.Tests.Support;

namespace Do.Tests.Agents;

/// <summary>
/// Kills a real child process (SIGKILL) running an agent after its first tool call, while it waits for its second
/// model turn, then starts it again: the run resumes from its journal and the tool is not called twice.
/// </summary>
public sealed class AgentCrashTests
{
    [Fact]
    public async Task Killed_after_its_first_tool_call_the_run_resumes_without_repeating_it()
    {
        using var temp = new TempFolder();
        var data = temp.File("data");

        using (var child = Start(data, "run"))
        {
            await WaitForLineAsync(child, "asking-model-again"); // the tool call is journaled; the model hangs
            child.Kill(entireProcessTree: true); // SIGKILL on Linux: no finally blocks, no flush, no dispose
            await child.WaitForExitAsync();
        }

        using var resumed = Start(data, "resume");
        var lines = new List<string>();
        while (await resumed.StandardOutput.ReadLineAsync() is { } line)
        {
            lines.Add(line);
        }

        await resumed.WaitForExitAsync();
        Assert.True(resumed.ExitCode == 0, "the resumed host failed: " + await resumed.StandardError.ReadToEndAsync());
        Assert.Contains("count=1", lines);             // Tally_Add ran once, before the crash
        Assert.Contains("status=Completed", lines);    // the run finished in the new process
        Assert.Contains("requests=1", lines);          // only the turn after the tool call was asked again
        Assert.Contains("saw-tool-result=True", lines); // and it saw the pre-crash tool result in its conversation
    }

    private static Process Start(string data, string mode)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { CrashHostPath(), "agent", data, mode })
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info) ?? throw new InvalidOperationException("could not start the crash host");
    }

    private static async Task WaitForLineAsync(Process process, string expected)
    {
        using var guard = new CancellationTokenSource(Wait.Guard * 2);
        while (true)
        {
            var line = await process.StandardOutput.ReadLineAsync(guard.Token);
            if (line is null)
            {
                var error = await process.StandardError.ReadToEndAsync(guard.Token);
                throw new InvalidOperationException($"The crash host exited before printing \"{expected}\". Its errors:\n{error}");
            }

            if (line == expected)
            {
                return;
            }
        }
    }

    /// <summary>The crash host's build output, beside this test project's (same configuration and framework).</summary>
    private static string CrashHostPath()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var tfm = testBin.Name;
        var configuration = testBin.Parent!.Name;
        var tests = testBin.Parent!.Parent!.Parent!.Parent!.FullName;
        var path = Path.Combine(tests, "Do.Sdk.CrashHost", "bin", configuration, tfm, "Do.Sdk.CrashHost.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build tests/Do.Sdk.CrashHost first; expected {path}.");
    }
}
