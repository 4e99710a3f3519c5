using Microsoft.CodeAnalysis.Testing;
using Verify = Do.Sdk.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Do.Sdk.Analyzers.DuplicateNameAnalyzer>;

namespace Do.Sdk.Analyzers.Tests;

public sealed class DuplicateNameAnalyzerTests
{
    private const string NounAdvice = "a noun's name and plural name its SQL view and its ctx accessors, so they must differ ignoring case; rename one class or set [Noun(Plural = ...)]";
    private const string VerbAdvice = "every verb needs its own event; rename one method or set [Verb(Event = ...)]";
    private const string IndexAdvice = "each [Indexed] property needs an SQLite index of its own, named ix_{Noun}_{Property} and compared ignoring case, or one of them silently has none; rename one property or noun";
    private const string BuiltInAdvice = "a verb's event must differ from the events every noun has; rename the method or set [Verb(Event = ...)]";

    [Fact]
    public async Task Nouns_with_the_same_name_in_different_namespaces_are_reported_on_both()
    {
        const string source = """
            using Do;

            namespace Shop { [Noun] public partial class {|#0:Startup|} { } }
            namespace Crm { [Noun] public partial class {|#1:Startup|} { } }
            """;

        await Verify.VerifyAsync(
            source,
            Noun(0, "The name of noun 'Shop.Startup'", "the name of noun 'Crm.Startup'", "Startup"),
            Noun(1, "The name of noun 'Crm.Startup'", "the name of noun 'Shop.Startup'", "Startup"));
    }

    [Fact]
    public async Task Names_compare_ignoring_case()
    {
        const string source = """
            using Do;

            namespace A { [Noun] public partial class {|#0:SKU|} { } }
            namespace B { [Noun] public partial class {|#1:Sku|} { } }
            """;

        await Verify.VerifyAsync(
            source,
            Noun(0, "The name of noun 'A.SKU'", "the name of noun 'B.Sku'", "SKU"),
            Noun(1, "The name of noun 'B.Sku'", "the name of noun 'A.SKU'", "Sku"));
    }

    [Fact]
    public async Task Plurals_collide_after_overrides_and_with_other_nouns_names()
    {
        const string source = """
            using Do;

            [Noun(Plural = "Crew")] public partial class {|#0:Sailor|} { }
            [Noun] public partial class {|#1:Crew|} { }

            [Noun(Plural = "Companies")] public partial class {|#2:Firm|} { }
            [Noun] public partial class {|#3:Company|} { }

            // "Staff" is its own plural, so the plurals meet before the names are compared.
            [Noun(Plural = "staff")] public partial class {|#4:Person|} { }
            [Noun] public partial class {|#5:Staff|} { }
            """;

        await Verify.VerifyAsync(
            source,
            Noun(0, "The declared plural of noun 'Sailor'", "the name of noun 'Crew'", "Crew"),
            Noun(1, "The name of noun 'Crew'", "the declared plural of noun 'Sailor'", "Crew"),
            Noun(2, "The declared plural of noun 'Firm'", "the plural of noun 'Company'", "Companies"),
            Noun(3, "The plural of noun 'Company'", "the declared plural of noun 'Firm'", "Companies"),
            Noun(4, "The declared plural of noun 'Person'", "the plural of noun 'Staff'", "staff"),
            Noun(5, "The plural of noun 'Staff'", "the declared plural of noun 'Person'", "Staff"));
    }

    [Fact]
    public async Task The_noun_is_reported_on_the_declaration_that_carries_the_attribute()
    {
        const string source = """
            using Do;

            namespace A
            {
                public partial class Startup { public int Priority { get; set; } }

                [Noun] public partial class {|#0:Startup|} { }
            }

            namespace B { [Noun] public partial class {|#1:Startup|} { } }
            """;

        await Verify.VerifyAsync(
            source,
            Noun(0, "The name of noun 'A.Startup'", "the name of noun 'B.Startup'", "Startup"),
            Noun(1, "The name of noun 'B.Startup'", "the name of noun 'A.Startup'", "Startup"));
    }

    [Fact]
    public async Task Distinct_nouns_and_nouns_named_like_their_own_plural_are_not_reported()
    {
        const string source = """
            using Do;

            [Noun] public partial class Startup { }
            [Noun] public partial class Person { }           // People
            [Noun(Plural = "Folks")] public partial class Member { }
            [Noun] public partial class Sheep { }            // its own plural: the generator names the collection AllSheep
            [Noun] public partial class Company { }

            // Not generated, so not compared: generic, abstract, static, or not a noun.
            [Noun] public partial class Box<T> { }
            [Noun] public abstract partial class Base { }
            public partial class Startups { }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Verbs_raising_the_same_event_are_reported_on_both()
    {
        const string source = """
            using Do;

            [Noun]
            public partial class Order
            {
                [Verb] public void {|#0:Ship|}() { }
                [Verb(Event = "shipped")] public void {|#1:Post|}() { }
                [Verb] public void {|#2:Send|}() { }
                [Verb(Event = "Sent")] public void {|#3:Mail|}() { }
                [Verb] public void Pay() { }
            }

            public partial class Studio : Business
            {
                [Verb] public void {|#4:Open|}() { }
                [Verb(Event = "opened")] public void {|#5:Start|}() { }
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verb(0, "Order.Ship", "Order.Post", "shipped"),
            Verb(1, "Order.Post", "Order.Ship", "shipped"),
            Verb(2, "Order.Send", "Order.Mail", "sent"),
            Verb(3, "Order.Mail", "Order.Send", "sent"),
            Verb(4, "Studio.Open", "Studio.Start", "opened"),
            Verb(5, "Studio.Start", "Studio.Open", "opened"));
    }

    [Fact]
    public async Task A_noun_verb_raising_a_built_in_event_is_reported()
    {
        const string source = """
            using Do;

            [Noun]
            public partial class Order
            {
                [Verb] public void {|#0:Create|}() { }
                [Verb] public void {|#1:Update|}() { }
                [Verb(Event = "deleted")] public void {|#2:Remove|}() { }
                [Verb(Event = "any")] public void {|#3:Touch|}() { }
            }

            public partial class Studio : Business
            {
                // Durable objects have no built-in events.
                [Verb] public void Create() { }
            }
            """;

        await Verify.VerifyAsync(
            source,
            BuiltIn(0, "Order.Create", "the built-in 'created' event of every noun", "created"),
            BuiltIn(1, "Order.Update", "the built-in 'updated' event of every noun", "updated"),
            BuiltIn(2, "Order.Remove", "the built-in 'deleted' event of every noun", "deleted"),
            BuiltIn(3, "Order.Touch", "the 'Any' handler for all events of every noun", "any"));
    }

    [Fact]
    public async Task Distinct_events_are_not_reported()
    {
        const string source = """
            using Do;

            [Noun]
            public partial class Order
            {
                [Verb] public void Ship() { }
                [Verb] public void Send() { }                       // sent
                [Verb(Event = "dispatched")] public void Go() { }
                [Verb] public void Recreate() { }                  // recreated
                public void Shipped() { }                          // not a verb
            }

            [Noun]
            public partial class Parcel
            {
                [Verb] public void Ship() { }                      // same event as Order.Ship, on another noun
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Indexed_properties_whose_index_names_meet_are_reported_on_both()
    {
        // ix_Order_Line_Sku twice: the second noun's CREATE INDEX IF NOT EXISTS would find the first's index.
        const string source = """
            using Do;

            [Noun] public partial class Order { [Indexed] public string {|#0:Line_Sku|} { get; set; } = ""; }
            [Noun] public partial class Order_Line { [Indexed] public string {|#1:Sku|} { get; set; } = ""; }
            """;

        await Verify.VerifyAsync(
            source,
            Index(0, "Order.Line_Sku", "Order_Line.Sku", "ix_Order_Line_Sku"),
            Index(1, "Order_Line.Sku", "Order.Line_Sku", "ix_Order_Line_Sku"));
    }

    [Fact]
    public async Task Index_names_compare_ignoring_case_within_one_noun()
    {
        const string source = """
            using Do;

            [Noun]
            public partial class Customer
            {
                [Indexed] public string {|#0:Id|} { get; set; } = "";
                [Indexed] public string {|#1:ID|} { get; set; } = "";
            }
            """;

        await Verify.VerifyAsync(
            source,
            Index(0, "Customer.Id", "Customer.ID", "ix_Customer_Id"),
            Index(1, "Customer.ID", "Customer.Id", "ix_Customer_ID"));
    }

    [Fact]
    public async Task Distinct_index_names_and_unindexed_properties_are_not_reported()
    {
        const string source = """
            using Do;

            [Noun] public partial class Customer { [Indexed] public string Email { get; set; } = ""; }
            [Noun] public partial class Lead { [Indexed] public string Email { get; set; } = ""; }           // ix_Lead_Email
            [Noun] public partial class Order { [Indexed] public string Line_Sku { get; set; } = ""; }
            [Noun] public partial class Order_Line { public string Sku { get; set; } = ""; }                 // not indexed
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Nouns_reported_for_their_names_are_not_reported_again_for_their_indexes()
    {
        const string source = """
            using Do;

            namespace Shop { [Noun] public partial class {|#0:Customer|} { [Indexed] public string Email { get; set; } = ""; } }
            namespace Crm { [Noun] public partial class {|#1:Customer|} { [Indexed] public string Email { get; set; } = ""; } }
            """;

        await Verify.VerifyAsync(
            source,
            Noun(0, "The name of noun 'Shop.Customer'", "the name of noun 'Crm.Customer'", "Customer"),
            Noun(1, "The name of noun 'Crm.Customer'", "the name of noun 'Shop.Customer'", "Customer"));
    }

    private static DiagnosticResult Index(int location, string property, string other, string index) =>
        Verify.Diagnostic(Descriptors.DuplicateName).WithLocation(location)
            .WithArguments($"The index of [Indexed] property '{property}'", $"the index of [Indexed] property '{other}'", index, IndexAdvice);

    private static DiagnosticResult Noun(int location, string subject, string other, string name) =>
        Verify.Diagnostic(Descriptors.DuplicateName).WithLocation(location).WithArguments(subject, other, name, NounAdvice);

    private static DiagnosticResult Verb(int location, string verb, string other, string eventName) =>
        Verify.Diagnostic(Descriptors.DuplicateName).WithLocation(location)
            .WithArguments($"The event of verb '{verb}'", $"the event of verb '{other}'", eventName, VerbAdvice);

    private static DiagnosticResult BuiltIn(int location, string verb, string builtIn, string eventName) =>
        Verify.Diagnostic(Descriptors.DuplicateName).WithLocation(location)
            .WithArguments($"The event of verb '{verb}'", builtIn, eventName, BuiltInAdvice);
}
