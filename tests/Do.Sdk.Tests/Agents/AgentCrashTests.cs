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

    private static Process Start(string data, string mode) => CrashHostProcess.StartWith("agent", data, mode);

    private static Task WaitForLineAsync(Process process, string expected) => CrashHostProcess.WaitForLineAsync(process, expected);
}
