using Verify = Do.Sdk.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Do.Sdk.Analyzers.VerbSignatureAnalyzer>;

namespace Do.Sdk.Analyzers.Tests;

public sealed class VerbSignatureAnalyzerTests
{
    [Fact]
    public async Task Non_public_verbs_are_reported_with_their_accessibility()
    {
        const string source = """
            using Do;

            [Noun]
            public partial class Startup
            {
                [Verb] private void {|#0:Hide|}() { }
                [Verb] internal void {|#1:Share|}() { }
                [Verb] protected void {|#2:Guard|}() { }
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(Descriptors.InvalidVerbSignature).WithLocation(0).WithArguments("Startup.Hide", "is private, not public"),
            Verify.Diagnostic(Descriptors.InvalidVerbSignature).WithLocation(1).WithArguments("Startup.Share", "is internal, not public"),
            Verify.Diagnostic(Descriptors.InvalidVerbSignature).WithLocation(2).WithArguments("Startup.Guard", "is protected, not public"));
    }

    [Fact]
    public async Task Static_verb_is_reported()
    {
        const string source = """
            using Do;

            [Noun]
            public partial class Startup
            {
                [Verb] public static void {|#0:Reset|}() { }
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(Descriptors.InvalidVerbSignature).WithLocation(0).WithArguments("Startup.Reset", "is static"));
    }

    [Fact]
    public async Task Generic_verb_is_reported()
    {
        const string source = """
            using Do;

            public partial class Studio : Business
            {
                [Verb] public void {|#0:Tag|}<T>(T value) { }
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(Descriptors.InvalidVerbSignature).WithLocation(0).WithArguments("Studio.Tag", "is generic"));
    }

    [Fact]
    public async Task Ref_out_and_in_parameters_are_reported_at_the_parameter()
    {
        const string source = """
            using Do;

            [Noun]
            public partial class Startup
            {
                public int Priority { get; set; }

                [Verb] public void Bump(ref int {|#0:by|}) => Priority += by;
                [Verb] public void Read(out int {|#1:priority|}) => priority = Priority;
                [Verb] public void Set(in int {|#2:value|}) => Priority = value;
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(Descriptors.InvalidVerbSignature).WithLocation(0).WithArguments("Startup.Bump", "has 'ref' parameter 'by'"),
            Verify.Diagnostic(Descriptors.InvalidVerbSignature).WithLocation(1).WithArguments("Startup.Read", "has 'out' parameter 'priority'"),
            Verify.Diagnostic(Descriptors.InvalidVerbSignature).WithLocation(2).WithArguments("Startup.Set", "has 'in' parameter 'value'"));
    }

    [Fact]
    public async Task Every_problem_of_one_verb_is_reported()
    {
        const string source = """
            using Do;

            [Noun]
            public partial class Startup
            {
                [Verb] private static void {|#0:{|#1:{|#2:Swap|}|}|}<T>(ref T {|#3:a|}) { }
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(Descriptors.InvalidVerbSignature).WithLocation(0).WithArguments("Startup.Swap", "is private, not public"),
            Verify.Diagnostic(Descriptors.InvalidVerbSignature).WithLocation(1).WithArguments("Startup.Swap", "is static"),
            Verify.Diagnostic(Descriptors.InvalidVerbSignature).WithLocation(2).WithArguments("Startup.Swap", "is generic"),
            Verify.Diagnostic(Descriptors.InvalidVerbSignature).WithLocation(3).WithArguments("Startup.Swap", "has 'ref' parameter 'a'"));
    }

    [Fact]
    public async Task Valid_verbs_and_non_verbs_are_not_reported()
    {
        const string source = """
            using System.Threading.Tasks;
            using Do;

            [Noun]
            public partial class Startup
            {
                public int Priority { get; set; }

                [Verb] public void Prioritize(int by = 1) => Priority += by;

                [Verb(Retries = 5)] public async Task Launch(Context ctx) => await ctx.Send("launched");

                private static void Helper(ref int value, out int other) => other = value;
            }
            """;

        await Verify.VerifyAsync(source);
    }
}
