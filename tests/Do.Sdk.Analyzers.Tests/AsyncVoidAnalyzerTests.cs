using Verify = Do.Sdk.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Do.Sdk.Analyzers.AsyncVoidAnalyzer>;

namespace Do.Sdk.Analyzers.Tests;

public sealed class AsyncVoidAnalyzerTests
{
    [Fact]
    public async Task Async_void_verb_is_reported()
    {
        const string source = """
            using System.Threading.Tasks;
            using Do;

            [Noun]
            public partial class Startup
            {
                [Verb] public async void {|#0:Launch|}() => await Task.Yield();
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(Descriptors.AsyncVoid).WithLocation(0).WithArguments("Verb 'Startup.Launch'"));
    }

    [Fact]
    public async Task Async_void_methods_and_local_functions_taking_a_context_are_reported()
    {
        const string source = """
            using System.Threading.Tasks;
            using Do;

            public partial class Studio : Business
            {
                private async void {|#0:OnTick|}(Context ctx) => await ctx.Send("tick");

                protected override void Configure(Context ctx)
                {
                    async void {|#1:Report|}(Context c) => await c.Send("report");
                    Report(ctx);
                    OnTick(ctx);
                }
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(Descriptors.AsyncVoid).WithLocation(0).WithArguments("Handler 'Studio.OnTick'"),
            Verify.Diagnostic(Descriptors.AsyncVoid).WithLocation(1).WithArguments("Handler 'Report'"));
    }

    [Fact]
    public async Task Async_void_lambda_taking_a_context_is_reported()
    {
        const string source = """
            using System;
            using Do;

            public static class Wiring
            {
                public static Action<Context> Handler = {|#0:async|} ctx => await ctx.Send("tick");
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(Descriptors.AsyncVoid).WithLocation(0).WithArguments("Handler lambda (converted to 'Action<Context>')"));
    }

    [Fact]
    public async Task Task_returning_handlers_and_unrelated_async_void_are_not_reported()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Do;

            [Noun]
            public partial class Startup
            {
                public int Priority { get; set; }

                [Verb] public void Prioritize(int by = 1) => Priority += by;

                [Verb] public async Task Launch(Context ctx) => await ctx.Send("launched");
            }

            public partial class Studio : Business
            {
                protected override void Configure(Context ctx)
                {
                    ctx.Every.Cron("*/15 * * * *", async c => await c.Send("tick"));
                    async Task Local(Context c) => await c.Send("local");
                    _ = Local(ctx);
                }

                private async void OnClick(object? sender, EventArgs e) => await Task.Yield();
            }

            public abstract class Base
            {
                public abstract void Run(Context ctx);
            }

            public sealed class Derived : Base
            {
                public override async void Run(Context ctx) => await ctx.Send("run");
            }
            """;

        await Verify.VerifyAsync(source);
    }
}
