using System.Diagnostics;
using System.Reflection;
using Do.Tests.Support;

namespace Do.Cli.Tests;

/// <summary>The packed tool installs with `dotnet tool install` and runs as `do`.</summary>
public sealed class ToolPackageTests : IDisposable
{
    private readonly TempFolder _temp = new();

    [Fact]
    public async Task PackedTool_Installs_AndPrintsHelp()
    {
        var packages = Path.Combine(_temp.Path, "packages");
        var tools = Path.Combine(_temp.Path, "tools");
        var project = Path.Combine(Metadata("RepositoryRoot"), "src", "Do.Sdk.Cli", "Do.Sdk.Cli.csproj");

        // --no-build: the tool was built with this test project, in the same configuration.
        await Run(DotNet(), _temp.Path, "pack", project, "-c", Metadata("Configuration"), "--no-build", "-o", packages, "-nodeReuse:false", "--disable-build-servers", "-tl:off");
        await Run(DotNet(), _temp.Path, "tool", "install", "Do.Sdk.Cli", "--tool-path", tools, "--add-source", packages, "--prerelease");
        var help = await Run(Path.Combine(tools, OperatingSystem.IsWindows() ? "do.exe" : "do"), _temp.Path, "--help");

        Assert.Contains("objects", help, StringComparison.Ordinal);
        Assert.Contains("compact", help, StringComparison.Ordinal);
        Assert.Contains("--url", help, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();

    private static string DotNet()
        => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static string Metadata(string key)
        => typeof(ToolPackageTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    private static async Task<string> Run(string program, string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The parent `dotnet test` points these at its own MSBuild; a child must find its SDK itself.
        foreach (var variable in new[] { "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly" })
        {
            start.Environment.Remove(variable);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        if (Path.GetDirectoryName(DotNet()) is { Length: > 0 } root)
        {
            start.Environment["DOTNET_ROOT"] = root;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var text = await output + await error;
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{text}");
        return text;
    }
}
