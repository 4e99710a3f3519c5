using System.Diagnostics;
using Do.Analytics.Tests.Support;
using Do.Tests.Support;
using Xunit.Abstractions;

namespace Do.Analytics.Tests;

/// <summary>
/// Kills a real child process (SIGKILL) while it commits events and streams them in small batches, restarts it, and
/// checks that the Parquet files hold every committed event exactly once.
/// </summary>
public sealed class EventStreamerCrashTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Data => _temp.File("data");

    [Fact]
    public async Task Killed_at_random_moments_while_streaming_every_event_is_in_the_files_exactly_once()
    {
        var random = new Random(20261129);
        for (int kill = 0; kill < 4; kill++)
        {
            using var child = Start("run");
            await WaitForLineAsync(child, "ready");
            await Task.Delay(random.Next(200, 900)); // a kill at a random moment is the point of this test
            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }

        await FlushAndCheckAsync();
    }

    [Theory]
    [InlineData("staged")] // files written and forced to disk, mark not advanced
    [InlineData("marked")] // mark advanced, files not renamed into place
    public async Task Killed_between_a_batch_and_its_mark_every_event_is_in_the_files_exactly_once(string point)
    {
        using (var child = Start("run", point))
        {
            await child.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60)); // it kills itself at the point
            Assert.NotEqual(0, child.ExitCode);
        }

        Assert.NotEmpty(Directory.GetFiles(Path.Combine(Data, "analytics"), "*.parquet.tmp", SearchOption.AllDirectories));
        await FlushAndCheckAsync();
    }

    private async Task FlushAndCheckAsync()
    {
        using (var flush = Start("flush"))
        {
            await WaitForLineAsync(flush, "flushed");
            await flush.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal(0, flush.ExitCode);
        }

        var committed = ObjectFiles.EventIds(Data).Order(StringComparer.Ordinal).ToList();
        var glob = Duck.Glob(Path.Combine(Data, "analytics"));
        var streamed = Duck.Rows($"SELECT id FROM read_parquet('{glob}') ORDER BY id").Select(r => (string)r[0]!).ToList();
        output.WriteLine($"committed {committed.Count}, streamed {streamed.Count}, distinct {streamed.Distinct().Count()}");

        Assert.True(committed.Count > 10, "the child committed almost nothing; the test proved nothing");
        Assert.Equal(streamed.Count, streamed.Distinct().Count()); // no duplicate
        Assert.Equal(committed, streamed);                         // no loss
        // A clean stop leaves nothing staged and no compaction half done.
        Assert.Empty(Directory.GetFiles(Path.Combine(Data, "analytics"), "*.tmp", SearchOption.AllDirectories).Select(Path.GetFileName));
        Assert.Empty(Directory.GetFiles(Path.Combine(Data, "analytics"), "*.manifest", SearchOption.AllDirectories).Select(Path.GetFileName));
    }

    private Process Start(params string[] args)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(CrashHostPath());
        info.ArgumentList.Add(Data);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info) ?? throw new InvalidOperationException("could not start the analytics crash host");
    }

    private static async Task WaitForLineAsync(Process process, string expected)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
            if (line is null)
            {
                var error = await process.StandardError.ReadToEndAsync(timeout.Token);
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
        var path = Path.Combine(tests, "Do.Sdk.Analytics.CrashHost", "bin", configuration, tfm, "Do.Sdk.Analytics.CrashHost.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build tests/Do.Sdk.Analytics.CrashHost first; expected {path}.");
    }
}
