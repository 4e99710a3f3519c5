using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Do.Sdk.Analyzers.Tests.Infrastructure;

/// <summary>Runs one analyzer over markup source (C# 14, Do runtime referenced) and checks its diagnostics.</summary>
internal static class AnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => new(descriptor);

    public static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        VerifyAsync(source, LanguageVersion.CSharp14, referenceDoRuntime: true, expected);

    public static async Task VerifyAsync(string source, LanguageVersion languageVersion, bool referenceDoRuntime, params DiagnosticResult[] expected)
    {
        var test = new Test(languageVersion) { TestCode = source };
        TestSetup.Configure(test.TestState, referenceDoRuntime);
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    private sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    {
        private readonly LanguageVersion _languageVersion;

        public Test(LanguageVersion languageVersion)
        {
            _languageVersion = languageVersion;
            ReferenceAssemblies = TestSetup.NoDownload;
        }

        protected override ParseOptions CreateParseOptions() =>
            ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(_languageVersion);
    }
}
