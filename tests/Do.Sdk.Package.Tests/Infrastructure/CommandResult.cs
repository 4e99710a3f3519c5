namespace Do.Sdk.Package.Tests.Infrastructure;

/// <summary>How a child process ended, with everything it printed.</summary>
public sealed record CommandResult(string Command, string WorkingDirectory, int ExitCode, string Output, TimeSpan Elapsed)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>Fails the test with the full log unless the command exited with 0.</summary>
    public CommandResult EnsureSucceeded()
    {
        Assert.True(Succeeded, Describe("failed"));
        return this;
    }

    public string Describe(string what)
        => $"""
            `{Command}` {what} (exit code {ExitCode}, {Elapsed.TotalSeconds:0.0} s) in {WorkingDirectory}
            ----- output -----
            {Output}
            ------------------
            """;
}
