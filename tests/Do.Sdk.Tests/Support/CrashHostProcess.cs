using System.Diagnostics;

namespace Do.Tests.Support;

/// <summary>Starts tests/Do.Sdk.CrashHost as a real child process in one of its modes, and reads the lines it announces.</summary>
public static class CrashHostProcess
{
    public static Process Start(string data, string acks, string effects, string mode) => StartWith(data, acks, effects, mode);

    /// <summary>Starts the crash host with <paramref name="args"/> after its path (a mode with its own arguments, e.g. <c>agent</c>).</summary>
    public static Process StartWith(params string[] args)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])[Path(), .. args])
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info) ?? throw new InvalidOperationException("could not start the crash host");
    }

    /// <summary>Reads the child's output until it prints <paramref name="expected"/>; fails with its errors if it exits first.</summary>
    public static async Task WaitForLineAsync(Process process, string expected)
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
    private static string Path()
    {
        // .../tests/Do.Sdk.Tests/bin/<Configuration>/<tfm>/
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(System.IO.Path.DirectorySeparatorChar));
        var tfm = testBin.Name;
        var configuration = testBin.Parent!.Name;
        var tests = testBin.Parent!.Parent!.Parent!.Parent!.FullName;
        var path = System.IO.Path.Combine(tests, "Do.Sdk.CrashHost", "bin", configuration, tfm, "Do.Sdk.CrashHost.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build tests/Do.Sdk.CrashHost first; expected {path}.");
    }
}
