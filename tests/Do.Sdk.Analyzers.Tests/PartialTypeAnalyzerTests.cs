using Microsoft.CodeAnalysis.CSharp;
using Verify = Do.Sdk.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Do.Sdk.Analyzers.PartialTypeAnalyzer>;

namespace Do.Sdk.Analyzers.Tests;

public sealed class PartialTypeAnalyzerTests
{
    [Fact]
    public async Task Noun_that_is_not_partial_is_reported()
    {
        const string source = """
            using Do;

            [Noun]
            public class {|#0:Customer|}
            {
                public string Name { get; set; } = "";
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(Descriptors.TypeMustBePartial).WithLocation(0).WithArguments("Customer", "it is a [Noun]"));
    }

    [Fact]
    public async Task Direct_durable_object_subclass_that_is_not_partial_is_reported()
    {
        const string source = """
            using Do;

            public sealed class {|#0:Studio|} : Business
            {
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(Descriptors.TypeMustBePartial)
                .WithLocation(0)
                .WithArguments("Studio", "it is a durable object (it derives from 'Business')"));
    }

    [Fact]
    public async Task Indirect_durable_object_subclass_that_is_not_partial_is_reported()
    {
        const string source = """
            using Do;

            public abstract partial class StudioBase : DurableObject
            {
            }

            public class {|#0:Studio|} : StudioBase
            {
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(Descriptors.TypeMustBePartial)
                .WithLocation(0)
                .WithArguments("Studio", "it is a durable object (it derives from 'StudioBase')"));
    }

    [Fact]
    public async Task Nested_noun_that_is_not_partial_is_reported()
    {
        const string source = """
            using Do;

            public static partial class Catalog
            {
                [Noun]
                internal sealed class {|#0:Product|}
                {
                }
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(Descriptors.TypeMustBePartial).WithLocation(0).WithArguments("Product", "it is a [Noun]"));
    }

    [Fact]
    public async Task Partial_nouns_and_durable_objects_are_not_reported()
    {
        const string source = """
            using Do;

            [Noun]
            public partial class Customer
            {
            }

            [Noun]
            public sealed partial class Startup
            {
            }

            public partial class Studio : Business
            {
            }

            public partial class Shop : App
            {
            }

            partial class Shop
            {
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Ordinary_classes_are_not_reported()
    {
        const string source = """
            using System;

            [Obsolete]
            public class Customer
            {
            }

            public class Studio : Exception
            {
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Look_alike_types_in_another_namespace_are_not_reported()
    {
        const string source = """
            namespace Acme
            {
                public sealed class NounAttribute : System.Attribute { }
                public abstract class DurableObject { }

                [Noun]
                public class Customer { }

                public class Studio : DurableObject { }
            }
            """;

        await Verify.VerifyAsync(source, LanguageVersion.CSharp14, referenceDoRuntime: false);
    }
}
