using Microsoft.CodeAnalysis.CSharp;
using Verify = Do.Sdk.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Do.Sdk.Analyzers.LanguageVersionAnalyzer>;

namespace Do.Sdk.Analyzers.Tests;

public sealed class LanguageVersionAnalyzerTests
{
    private const string Source = """
        using Do;

        [Noun]
        public partial class Customer
        {
            public string Name { get; set; } = "";
        }
        """;

    [Theory]
    [InlineData(LanguageVersion.CSharp13, "13.0")]
    [InlineData(LanguageVersion.CSharp12, "12.0")]
    [InlineData(LanguageVersion.CSharp10, "10.0")]
    public async Task Older_language_versions_are_reported_once(LanguageVersion version, string display)
    {
        await Verify.VerifyAsync(
            Source,
            version,
            referenceDoRuntime: true,
            Verify.Diagnostic(Descriptors.LanguageVersionTooLow).WithArguments(display));
    }

    [Fact]
    public async Task Message_explains_extension_members()
    {
        await Verify.VerifyAsync(
            Source,
            LanguageVersion.CSharp13,
            referenceDoRuntime: true,
            Verify.Diagnostic(Descriptors.LanguageVersionTooLow).WithMessage(
                "This project uses C# 13.0, but Do.Sdk requires C# 14 or later: the generated code uses C# 14 extension members "
                + "to put your nouns on 'ctx.On' (for example 'ctx.On.Customer') and typed clients such as 'ctx.Startup(\"acme\")' "
                + "on 'Context'. Set <LangVersion>14</LangVersion> or later in the project file."));
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp14)]
    [InlineData(LanguageVersion.Preview)]
    [InlineData(LanguageVersion.Latest)]
    public async Task Current_language_versions_are_not_reported(LanguageVersion version)
    {
        await Verify.VerifyAsync(Source, version, referenceDoRuntime: true);
    }

    [Fact]
    public async Task Projects_without_the_runtime_are_not_reported()
    {
        await Verify.VerifyAsync("public class Customer { }", LanguageVersion.CSharp12, referenceDoRuntime: false);
    }

    [Fact]
    public async Task The_runtime_itself_is_not_reported()
    {
        const string runtime = """
            namespace Do
            {
                [System.AttributeUsage(System.AttributeTargets.Class)]
                public sealed class NounAttribute : System.Attribute { }
            }
            """;

        await Verify.VerifyAsync(runtime, LanguageVersion.CSharp12, referenceDoRuntime: false);
    }
}
