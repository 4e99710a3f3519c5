using Verify = Do.Sdk.Analyzers.Tests.Infrastructure.CodeFixVerifier<
    Do.Sdk.Analyzers.BlockingWaitAnalyzer,
    Do.Sdk.CodeFixes.UseDurableSleepCodeFixProvider>;

namespace Do.Sdk.Analyzers.Tests.CodeFixes;

public sealed class UseDurableSleepCodeFixProviderTests
{
    [Fact]
    public async Task Task_Delay_and_Thread_Sleep_become_ctx_Sleep()
    {
        const string source = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Do;

            public partial class Billing : Business
            {
                protected override void Configure(Context ctx)
                {
                    ctx.Define("remind", async (input, c) =>
                    {
                        await c.Step("send", _ => Task.FromResult(1));
                        await {|DO0007:Task.Delay(TimeSpan.FromDays(3))|};
                        await {|DO0007:Task.Delay(500)|}.ConfigureAwait(false);
                        {|DO0007:Thread.Sleep(250)|};
                        await c.Step("send again", _ => Task.FromResult(2));
                        return null;
                    });
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Do;

            public partial class Billing : Business
            {
                protected override void Configure(Context ctx)
                {
                    ctx.Define("remind", async (input, c) =>
                    {
                        await c.Step("send", _ => Task.FromResult(1));
                        await c.Sleep(TimeSpan.FromDays(3));
                        await c.Sleep(TimeSpan.FromMilliseconds(500)).ConfigureAwait(false);
                        await c.Sleep(TimeSpan.FromMilliseconds(250));
                        await c.Step("send again", _ => Task.FromResult(2));
                        return null;
                    });
                }
            }
            """;

        await Verify.VerifyFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Offers_no_fix_for_a_delay_with_a_token_or_a_sleep_inside_an_expression()
    {
        const string source = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Do;

            [Noun]
            public partial class Order
            {
                [Verb] public async Task Pay(Context ctx, CancellationToken token)
                {
                    await ctx.Step("charge", _ => Task.FromResult(1));
                    await {|DO0007:Task.Delay(100, token)|};
                    Action nap = () => {|DO0007:Thread.Sleep(5)|};
                    nap();
                }
            }
            """;

        await Verify.VerifyNoFixAsync(source);
    }
}
