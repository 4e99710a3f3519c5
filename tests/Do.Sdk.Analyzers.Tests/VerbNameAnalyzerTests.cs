using Microsoft.CodeAnalysis.Testing;
using Verify = Do.Sdk.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Do.Sdk.Analyzers.VerbNameAnalyzer>;

namespace Do.Sdk.Analyzers.Tests;

public sealed class VerbNameAnalyzerTests
{
    [Theory]
    [InlineData("Get")]
    [InlineData("Find")]
    [InlineData("History")]
    [InlineData("Invoke")]
    [InlineData("AsTry")]
    [InlineData("AsSend")]
    [InlineData("Id")]
    [InlineData("Reference")]
    [InlineData("Namespace")]
    [InlineData("Durability")]
    [InlineData("ToString")]
    public async Task A_noun_verb_named_like_a_ThingRef_member_is_reported(string name)
    {
        var source = $$"""
            using Do;

            [Noun]
            public partial class Startup
            {
                [Verb] public void {|#0:{{name}}|}(int times) { }
            }
            """;

        await Verify.VerifyAsync(
            source,
            Diagnostic(0, $"Startup.{name}", $"'ThingRef<Startup>' has its own member named '{name}', which hides the generated '{name}' extension method"));
    }

    [Fact]
    public async Task A_durable_object_verb_named_like_an_ObjectClient_member_is_reported()
    {
        const string source = """
            using Do;

            public partial class Studio : Business
            {
                [Verb] public void {|#0:Merge|}(string branch) { }
                [Verb] public void {|#1:Invoke|}() { }
                [Verb] public void Get() { }   // ThingRef's, not ObjectClient's
            }
            """;

        await Verify.VerifyAsync(
            source,
            Diagnostic(0, "Studio.Merge", "'ObjectClient<Studio>' has its own member named 'Merge', which hides the generated 'Merge' extension method"),
            Diagnostic(1, "Studio.Invoke", "'ObjectClient<Studio>' has its own member named 'Invoke', which hides the generated 'Invoke' extension method"));
    }

    [Fact]
    public async Task Verb_names_the_generator_skips_are_reported()
    {
        const string source = """
            using Do;

            [Noun]
            public partial class Order
            {
                [Verb] public void {|#0:All|}() { }
                [Verb] public void {|#1:Dispatch|}() { }
                [Verb] public void {|#2:Complete|}() { }
            }

            public partial class Studio : Business
            {
                [Verb] public void {|#3:Complete|}() { }
            }
            """;

        await Verify.VerifyAsync(
            source,
            Diagnostic(0, "Order.All", "the generated 'OrderVerbs' class has its own member named 'All', so the generator skips the verb"),
            Diagnostic(1, "Order.Dispatch", "the generated 'OrderVerbs' class has its own member named 'Dispatch', so the generator skips the verb"),
            Diagnostic(2, "Order.Complete", "the generated 'OrderVerbs' class has its own member named 'Complete', so the generator skips the verb"),
            Diagnostic(3, "Studio.Complete", "the generated 'StudioVerbs' class has its own member named 'Complete', so the generator skips the verb"));
    }

    [Fact]
    public async Task Other_names_and_non_verbs_are_not_reported()
    {
        const string source = """
            using Do;

            [Noun]
            public partial class Startup
            {
                [Verb] public void Prioritize(int by) { }
                [Verb] public void GetReady() { }      // only the exact name is taken
                [Verb] public void get() { }           // names are case-sensitive in C#
                [Verb] public void Merge() { }         // ObjectClient's, not ThingRef's
                public void Find() { }                 // not a verb
            }

            public class Plain
            {
                [Verb] public void Get() { }           // neither a noun nor a durable object
            }
            """;

        await Verify.VerifyAsync(source);
    }

    private static DiagnosticResult Diagnostic(int location, string verb, string problem) =>
        Verify.Diagnostic(Descriptors.VerbNameTaken).WithLocation(location).WithArguments(verb, problem);
}
