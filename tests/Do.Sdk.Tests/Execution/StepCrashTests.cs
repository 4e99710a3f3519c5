using System.Diagnostics;
using Do.Tests.Support;

namespace Do.Tests.Execution;

/// <summary>
/// A plain <c>ctx.Step</c> across a SIGKILL: a real child process (tests/Do.Sdk.CrashHost, mode <c>step</c>) runs a
/// <c>ctx.Do</c> action whose step 1 appends a line to a file, and is killed after step 1 is journaled and before
/// step 2. A restarted host resumes the action from the top: step 1 returns its journaled result without running again,
/// step 2 runs, the action completes.
/// </summary>
public sealed class StepCrashTests
{
    private static readonly DateTimeOffset Start = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero); // StepCrash.Start in the child

    [Fact]
    public async Task Killed_between_two_steps_the_action_resumes_and_its_first_step_ran_once()
    {
        using var temp = new TempFolder();
        var (data, effects) = (temp.File("data"), temp.File("effects.txt"));

        using (var child = CrashHostProcess.StartWith("step", data, effects, "run"))
        {
            await CrashHostProcess.WaitForLineAsync(child, "between-steps"); // step 1 returned: it is journaled
            await KillAsync(child);
        }

        Assert.Equal(["step 1"], await File.ReadAllLinesAsync(effects));

        var lines = await RunToEndAsync(CrashHostProcess.StartWith("step", data, effects, "resume"));
        Assert.Contains("status=Completed", lines);
        Assert.Equal(["step 1", "step 2"], await File.ReadAllLinesAsync(effects));
        Assert.Contains($"output={Start.AddHours(1).ToUnixTimeMilliseconds()}", lines); // step 2 ran in the restarted process
    }

    [Fact]
    public async Task Killed_while_sleeping_the_action_wakes_after_a_restart_at_its_due_time()
    {
        using var temp = new TempFolder();
        var (data, effects) = (temp.File("data"), temp.File("effects.txt"));

        using (var child = CrashHostProcess.StartWith("step", data, effects, "sleep"))
        {
            await CrashHostProcess.WaitForLineAsync(child, "sleeping"); // step 1 journaled, the 3-day timer recorded
            await KillAsync(child);
        }

        var lines = await RunToEndAsync(CrashHostProcess.StartWith("step", data, effects, "wake"));
        Assert.Contains("after-restart=Waiting", lines); // an hour later the timer is not due: still asleep
        Assert.Contains("status=Completed", lines);
        Assert.Equal(["step 1", "step 2"], await File.ReadAllLinesAsync(effects));
        var woke = lines.Single(l => l.StartsWith("output=", StringComparison.Ordinal));
        Assert.Equal($"output={Start.AddDays(3).ToUnixTimeMilliseconds()}", woke); // woken by the alarm at the due time, not before
    }

    private static async Task KillAsync(Process child)
    {
        child.Kill(entireProcessTree: true); // SIGKILL on Linux: no finally blocks, no flush, no dispose
        await child.WaitForExitAsync();
    }

    private static async Task<List<string>> RunToEndAsync(Process process)
    {
        using (process)
        {
            var lines = new List<string>();
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                lines.Add(line);
            }

            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, "the restarted host failed: " + await process.StandardError.ReadToEndAsync());
            return lines;
        }
    }
}
