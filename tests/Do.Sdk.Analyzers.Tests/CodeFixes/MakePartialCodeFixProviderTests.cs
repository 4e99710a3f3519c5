using Verify = Do.Sdk.Analyzers.Tests.Infrastructure.CodeFixVerifier<
    Do.Sdk.Analyzers.PartialTypeAnalyzer,
    Do.Sdk.CodeFixes.MakePartialCodeFixProvider>;

namespace Do.Sdk.Analyzers.Tests.CodeFixes;

public sealed class MakePartialCodeFixProviderTests
{
    [Fact]
    public async Task Adds_partial_after_the_other_modifiers()
    {
        const string source = """
            using Do;

            public sealed class {|DO0001:Studio|} : Business
            {
            }
            """;
        const string fixedSource = """
            using Do;

            public sealed partial class Studio : Business
            {
            }
            """;

        await Verify.VerifyFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Adds_partial_when_there_are_no_modifiers_keeping_attributes_and_comments()
    {
        const string source = """
            using Do;

            [Noun]
            // A customer of the studio.
            class {|DO0001:Customer|}
            {
                public string Name { get; set; } = "";
            }
            """;
        const string fixedSource = """
            using Do;

            [Noun]
            // A customer of the studio.
            partial class Customer
            {
                public string Name { get; set; } = "";
            }
            """;

        await Verify.VerifyFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Fixes_every_type_in_one_go()
    {
        const string source = """
            using Do;

            [Noun]
            public class {|DO0001:Customer|} { }

            [Noun]
            public abstract class {|DO0001:Person|} { }

            public static partial class Catalog
            {
                [Noun]
                internal sealed class {|DO0001:Product|} { }
            }

            public class {|DO0001:Shop|} : App { }
            """;
        const string fixedSource = """
            using Do;

            [Noun]
            public partial class Customer { }

            [Noun]
            public abstract partial class Person { }

            public static partial class Catalog
            {
                [Noun]
                internal sealed partial class Product { }
            }

            public partial class Shop : App { }
            """;

        await Verify.VerifyFixAsync(source, fixedSource);
    }
}
