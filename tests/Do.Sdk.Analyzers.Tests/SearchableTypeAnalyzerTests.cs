using Verify = Do.Sdk.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Do.Sdk.Analyzers.SearchableTypeAnalyzer>;

namespace Do.Sdk.Analyzers.Tests;

public sealed class SearchableTypeAnalyzerTests
{
    [Fact]
    public async Task A_searchable_property_that_is_not_a_string_is_reported()
    {
        const string source = """
            using System.Collections.Generic;
            using Do;

            [Noun]
            public partial class Customer
            {
                [Searchable] public string Name { get; set; } = "";
                [Searchable] public string? Nickname { get; set; }
                [{|#0:Searchable|}] public int Age { get; set; }
                [{|#1:Searchable|}] public List<string> Tags { get; set; } = new();
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(Descriptors.SearchableNotText).WithLocation(0).WithArguments("Age", "int"),
            Verify.Diagnostic(Descriptors.SearchableNotText).WithLocation(1).WithArguments("Tags", "List<string>"));
    }
}
