using Microsoft.CodeAnalysis.Testing;

namespace Do.Sdk.Analyzers.Tests.Infrastructure;

internal static class TestSetup
{
    /// <summary>
    /// A target framework with no reference-assembly package: the testing library has nothing to
    /// download, and the references come from <see cref="FrameworkReferences"/> instead.
    /// </summary>
    public static readonly ReferenceAssemblies NoDownload = new("net10.0");

    public static void Configure(SolutionState state, bool referenceDoRuntime)
    {
        state.AdditionalReferences.AddRange(FrameworkReferences.All);
        if (referenceDoRuntime)
        {
            state.AdditionalReferences.Add(DoRuntimeStub.Reference);
        }
    }
}
