using System.Text.RegularExpressions;
using Do.Sdk.Package.Tests.Infrastructure;

namespace Do.Sdk.Package.Tests;

/// <summary>
/// The sample published with Native AOT: no trim or AOT warning from the runtime or the generated code, and the
/// native binary tells the same account as <c>dotnet run</c>. In the package tests' collection so it never builds
/// beside the pack. Warnings are errors in the sample, so a trim or AOT warning also fails the publish itself.
/// </summary>
[Collection(PackageFixture.Collection)]
public sealed partial class NativeAotSampleTests : IDisposable
{
    private readonly string _root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "do-sdk-aot-tests", Guid.NewGuid().ToString("N"))).FullName;

    private static string SampleProject => Path.Combine(BuildPaths.RepositoryRoot, "samples", "Do.Sdk.Sample", "Do.Sdk.Sample.csproj");

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [NativeAotFact]
    public async Task The_sample_publishes_natively_without_warnings_and_prints_what_dotnet_run_prints()
    {
        var output = Path.Combine(_root, "native");
        // An up-to-date native compile is skipped, and with it its warnings: always compile afresh.
        var nativeIntermediate = Path.Combine(Path.GetDirectoryName(SampleProject)!, "obj", "Release", "net10.0", "linux-x64", "native");
        if (Directory.Exists(nativeIntermediate))
        {
            Directory.Delete(nativeIntermediate, recursive: true);
        }

        var publish = await DotNet.MSBuildAsync(_root, "publish", SampleProject, "--configuration", "Release", "--output", output);
        publish.EnsureSucceeded();
        Assert.True(publish.Output.Contains("Generating native code", StringComparison.Ordinal), publish.Describe("did not compile natively"));
        Assert.False(File.Exists(Path.Combine(output, "Do.Sdk.Sample.dll")), publish.Describe("published IL, not a native binary"));
        Assert.False(TrimOrAotWarning().IsMatch(publish.Output), publish.Describe("reported trim or AOT warnings"));

        var nativeData = Path.Combine(_root, "native-data");
        var native = await DotNet.RunProgramAsync(Path.Combine(output, "Do.Sdk.Sample"), _root, nativeData);
        native.EnsureSucceeded();
        var jitData = Path.Combine(_root, "jit-data");
        var jit = await DotNet.RunAsync(_root, "run", "--project", SampleProject, "--configuration", "Release", "--property:UseSharedCompilation=false", "--", jitData);
        jit.EnsureSucceeded();

        var expected = Account(jit.Output, jitData);
        Assert.Contains("3. Branch, try something, merge it back", expected, StringComparison.Ordinal);
        Assert.Equal(expected, Account(native.Output, nativeData));
    }

    /// <summary>The sample's account from its first heading on, with its data folder and the clock-dependent next run masked.</summary>
    private static string Account(string output, string dataPath)
    {
        var start = output.IndexOf("1. Nouns and verbs", StringComparison.Ordinal);
        Assert.True(start >= 0, $"The sample printed no account:\n{output}");
        var account = output[start..].Replace(dataPath, "<data>", StringComparison.Ordinal).ReplaceLineEndings("\n");
        return NextRun().Replace(account, "next run <time>");
    }

    [GeneratedRegex(@"warning IL[23]\d{3}")]
    private static partial Regex TrimOrAotWarning();

    [GeneratedRegex(@"next run \S+ \S+")]
    private static partial Regex NextRun();
}
