using Do.Sdk.Generators.Tests.Snapshots;
using Do.Sdk.Generators.Tests.Support;

namespace Do.Sdk.Generators.Tests;

public sealed class NounGeneratorSnapshotTests
{
    [Fact]
    public void Issue_program() => Verify(Sources.IssueProgram);

    private static void Verify(string source, [System.Runtime.CompilerServices.CallerMemberName] string method = "")
    {
        var (result, output) = GeneratorHarness.Run(GeneratorHarness.Compile(source));
        GeneratorHarness.AssertCompilesClean(result, output);
        SnapshotAssert.Matches(result, method: method);
    }
}
