using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Do.Sdk.Analyzers.Tests.Infrastructure;

/// <summary>Applies one code fix (and fix-all) to markup source and compares with the expected result.</summary>
internal static class CodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => new(descriptor);

    /// <summary>Source and fixed source in one file each; <paramref name="expected"/> lists diagnostics besides markup.</summary>
    public static Task VerifyFixAsync(string source, string fixedSource, params DiagnosticResult[] expected) =>
        VerifyFixAsync([source], [fixedSource], expected);

    public static async Task VerifyFixAsync(string[] sources, string[] fixedSources, params DiagnosticResult[] expected)
    {
        var test = new Test();
        foreach (var source in sources)
        {
            test.TestState.Sources.Add(source);
        }

        foreach (var fixedSource in fixedSources)
        {
            test.FixedState.Sources.Add(fixedSource);
        }

        TestSetup.Configure(test.TestState, referenceDoRuntime: true);
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    /// <summary>The diagnostic is reported, but no fix is offered: the source stays as it is.</summary>
    public static Task VerifyNoFixAsync(string source, params DiagnosticResult[] expected) =>
        VerifyFixAsync([source], [source], expected);

    private sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = TestSetup.NoDownload;
        }

        protected override ParseOptions CreateParseOptions() =>
            ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.CSharp14);
    }
}
