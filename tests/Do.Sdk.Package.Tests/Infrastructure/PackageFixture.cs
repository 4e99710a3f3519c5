using System.Globalization;

namespace Do.Sdk.Package.Tests.Infrastructure;

/// <summary>
/// Packs Do.Sdk once for all package tests into a fresh local feed, under a version no earlier run used, and
/// prepares a folder outside the repository where consumer projects restore from that feed and nuget.org.
/// </summary>
/// <remarks>
/// A unique version means the NuGet global packages folder never serves a stale Do.Sdk, while Sqlite and the
/// other dependencies still come from it. Set <c>DO_SDK_KEEP_PACKAGE_TESTS=1</c> to keep the folder for a look.
/// </remarks>
public sealed class PackageFixture : IAsyncLifetime
{
    public const string Collection = "Packed Do.Sdk";

    private CommandResult? _pack;

    public PackageFixture()
    {
        var now = TimeProvider.System.GetUtcNow();
        Version = string.Create(CultureInfo.InvariantCulture, $"0.1.0-e2e.{now:yyyyMMddHHmmss}.{Environment.ProcessId}");
        Root = Path.Combine(Path.GetTempPath(), "do-sdk-package-tests", Version);
        Feed = Path.Combine(Root, "feed");
        Consumers = Path.Combine(Root, "consumers");
    }

    /// <summary>The version this run packed, e.g. <c>0.1.0-e2e.20261124093000.4242</c>.</summary>
    public string Version { get; }

    public string Root { get; }

    /// <summary>The local feed holding the packed <c>.nupkg</c> and <c>.snupkg</c>.</summary>
    public string Feed { get; }

    /// <summary>Where consumer projects are copied to and built; it has its own NuGet.config and Directory.*.props.</summary>
    public string Consumers { get; }

    public string PackagePath => Path.Combine(Feed, $"Do.Sdk.{Version}.nupkg");

    public string SymbolsPackagePath => Path.Combine(Feed, $"Do.Sdk.{Version}.snupkg");

    /// <summary>The pack, asserted to have succeeded (its output is the failure message otherwise).</summary>
    public CommandResult Pack => (_pack ?? throw new InvalidOperationException("The package has not been packed.")).EnsureSucceeded();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        Directory.CreateDirectory(Consumers);
        WriteConsumerSettings();

        // No-build: the test project depends on the runtime, so the runtime and the Roslyn components it packs
        // are already built in this configuration. Packing them again from scratch would double the time and
        // rewrite outputs other test assemblies may be reading in parallel.
        _pack = await PackAsync(BuildPaths.RuntimeProject, "nuspec");
        if (_pack.Succeeded)
        {
            // The testing kit depends on Do.Sdk at the same version, so it goes into the same feed.
            _pack = await PackAsync(BuildPaths.TestingProject, "nuspec-testing");
        }

        if (_pack.Succeeded)
        {
            // The Orleans integration too, for the cluster consumer: it depends on Do.Sdk at the same version.
            _pack = await PackAsync(BuildPaths.OrleansProject, "nuspec-orleans");
        }
    }

    private Task<CommandResult> PackAsync(string project, string nuspecFolder)
        => DotNet.MSBuildAsync(
            BuildPaths.RepositoryRoot,
            "pack",
            project,
            "--configuration", BuildPaths.Configuration,
            "--no-build",
            "--output", Feed,
            $"-p:PackageVersion={Version}",
            $"-p:NuspecOutputPath={Path.Combine(Root, nuspecFolder)}{Path.DirectorySeparatorChar}");

    /// <summary>Copies the consumer project <paramref name="name"/> (from <c>Consumers/</c>) into the consumer folder.</summary>
    /// <returns>The copy's folder.</returns>
    public string CopyConsumer(string name)
    {
        var source = BuildPaths.Consumer(name);
        var target = Path.Combine(Consumers, name);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }

        return target;
    }

    public Task DisposeAsync()
    {
        if (Environment.GetEnvironmentVariable("DO_SDK_KEEP_PACKAGE_TESTS") == "1")
        {
            return Task.CompletedTask;
        }

        DeleteQuietly(Root);

        // Each run's version is extracted once into the global packages folder; it will never be used again.
        var globalPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var id in new[] { "do.sdk", "do.sdk.testing", "do.sdk.orleans" })
        {
            DeleteQuietly(Path.Combine(globalPackages, id, Version.ToLowerInvariant()));
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// The consumer folder stands alone: packages from the local feed first, then nuget.org, and Directory.*.props
    /// of its own, so neither the machine's feeds nor this repository's central package management leak in.
    /// </summary>
    private void WriteConsumerSettings()
    {
        File.WriteAllText(Path.Combine(Consumers, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="do-sdk-local" value="{Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(Consumers, "Directory.Build.props"), $"""
            <Project>
              <PropertyGroup>
                <!-- The Do.Sdk version the consumer projects reference: the one this test run packed. -->
                <DoSdkVersion>{Version}</DoSdkVersion>
              </PropertyGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(Consumers, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(Consumers, "Directory.Packages.props"), """
            <Project>
              <PropertyGroup>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
            </Project>
            """);
    }

    private static void DeleteQuietly(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

[CollectionDefinition(PackageFixture.Collection)]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>;
