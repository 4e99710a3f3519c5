using Verify = Do.Sdk.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Do.Sdk.Analyzers.RelationTypeAnalyzer>;

namespace Do.Sdk.Analyzers.Tests;

public sealed class RelationTypeAnalyzerTests
{
    private const string Nouns = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Do;

        [Noun]
        public partial class Customer
        {
            [Relation("purchased")] public IReadOnlyList<RelatedThing<Product>> Purchases => new List<RelatedThing<Product>>();
            [Relation("follows")] public IReadOnlyList<RelatedThing<Customer>> Follows => new List<RelatedThing<Customer>>();
        }

        [Noun]
        public partial class Product
        {
        }

        """;

    [Fact]
    public async Task A_relation_type_the_noun_does_not_declare_is_reported()
    {
        const string source = Nouns + """
            public static class Shop
            {
                public static async Task Run(ThingRef<Customer> alice, ThingRef<Product> phone)
                {
                    await alice.Relate("purchased", phone);
                    await alice.Relate({|#0:"purchsed"|}, phone);
                    await alice.Unrelate({|#1:"bought"|}, phone);
                    await alice.Related<Product>({|#2:"purchsed"|});
                    await phone.RelatedFrom<Customer>({|#3:"bought"|});
                    await phone.RelatedFrom<Customer>("purchased");
                    await alice.Related<Customer>();
                }
            }
            """;

        const string declared = "\"follows\", \"purchased\"";
        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(Descriptors.UnknownRelationType).WithLocation(0).WithArguments("purchsed", "Customer", declared),
            Verify.Diagnostic(Descriptors.UnknownRelationType).WithLocation(1).WithArguments("bought", "Customer", declared),
            Verify.Diagnostic(Descriptors.UnknownRelationType).WithLocation(2).WithArguments("purchsed", "Customer", declared),
            Verify.Diagnostic(Descriptors.UnknownRelationType).WithLocation(3).WithArguments("bought", "Customer", declared));
    }

    [Fact]
    public async Task A_noun_without_relation_properties_is_not_checked()
    {
        const string source = Nouns + """
            public static class Shop
            {
                public static async Task Run(ThingRef<Product> phone, ThingRef<Customer> alice)
                {
                    await phone.Relate("anything-goes", alice);
                    string type = "dynamic";
                    await alice.Related<Product>(type);
                }
            }
            """;

        await Verify.VerifyAsync(source);
    }
}
