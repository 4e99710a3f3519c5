using Verify = Do.Sdk.Analyzers.Tests.Infrastructure.CodeFixVerifier<
    Do.Sdk.Analyzers.AsyncVoidAnalyzer,
    Do.Sdk.CodeFixes.ReturnTaskCodeFixProvider>;

namespace Do.Sdk.Analyzers.Tests.CodeFixes;

public sealed class ReturnTaskCodeFixProviderTests
{
    [Fact]
    public async Task Verb_and_handlers_return_task()
    {
        const string source = """
            using System.Threading.Tasks;
            using Do;

            [Noun]
            public partial class Startup
            {
                [Verb] public async void {|DO0009:Launch|}(Context ctx) => await ctx.Send("launched");
            }

            public partial class Studio : Business
            {
                private async void {|DO0009:OnTick|}(Context ctx)
                {
                    await ctx.Send("tick");
                }

                protected override void Configure(Context ctx)
                {
                    static async void {|DO0009:Report|}(Context c) => await c.Send("report");
                    _ = ctx;
                }
            }
            """;
        const string fixedSource = """
            using System.Threading.Tasks;
            using Do;

            [Noun]
            public partial class Startup
            {
                [Verb] public async Task Launch(Context ctx) => await ctx.Send("launched");
            }

            public partial class Studio : Business
            {
                private async Task OnTick(Context ctx)
                {
                    await ctx.Send("tick");
                }

                protected override void Configure(Context ctx)
                {
                    static async Task Report(Context c) => await c.Send("report");
                    _ = ctx;
                }
            }
            """;

        await Verify.VerifyFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Adds_the_using_when_it_is_missing()
    {
        const string source = """
            using Do;

            [Noun]
            public partial class Startup
            {
                [Verb] public async void {|DO0009:Launch|}(Context ctx) => await ctx.Send("launched");
            }
            """;
        const string fixedSource = """
            using System.Threading.Tasks;
            using Do;

            [Noun]
            public partial class Startup
            {
                [Verb] public async Task Launch(Context ctx) => await ctx.Send("launched");
            }
            """;

        await Verify.VerifyFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Offers_no_fix_for_lambdas()
    {
        const string source = """
            using System;
            using Do;

            public static class Wiring
            {
                public static Action<Context> Handler = {|DO0009:async|} ctx => await ctx.Send("tick");
            }
            """;

        await Verify.VerifyNoFixAsync(source);
    }
}
