namespace Do.Sdk.Package.Tests.Infrastructure;

/// <summary>
/// A test that publishes with Native AOT, which links with clang. Skipped, saying why, on a developer machine
/// without clang; never skipped under CI (<c>CI=true</c>), where <c>.ci/run</c> installs it, so a missing
/// toolchain there fails the test instead of hiding it.
/// </summary>
public sealed class NativeAotFactAttribute : FactAttribute
{
    public NativeAotFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "The Native AOT test runs on Linux (linux-x64), the platform CI uses.";
        }
        else if (!IsOnPath("clang") && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = "Native AOT needs clang to link, and it is not on PATH. Install it (apt-get install -y clang) to run this test; CI does.";
        }
    }

    private static bool IsOnPath(string program)
        => (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, program)));
}
