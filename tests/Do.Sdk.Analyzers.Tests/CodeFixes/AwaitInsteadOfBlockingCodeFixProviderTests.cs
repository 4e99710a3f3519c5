using Verify = Do.Sdk.Analyzers.Tests.Infrastructure.CodeFixVerifier<
    Do.Sdk.Analyzers.BlockingWaitAnalyzer,
    Do.Sdk.CodeFixes.AwaitInsteadOfBlockingCodeFixProvider>;

namespace Do.Sdk.Analyzers.Tests.CodeFixes;

public sealed class AwaitInsteadOfBlockingCodeFixProviderTests
{
    [Fact]
    public async Task Replaces_each_blocking_form_with_await()
    {
        const string source = """
            using System.Threading.Tasks;
            using Do;

            public partial class Studio : Business
            {
                private static Task<string> NameAsync() => Task.FromResult("acme");

                public async Task Refresh(Task pending, Task<int> count)
                {
                    {|DO0007:pending.Wait()|};
                    var name = {|DO0007:NameAsync().Result|};
                    var length = {|DO0007:NameAsync().Result|}.Length;
                    var total = {|DO0007:count.GetAwaiter().GetResult()|} + length;
                    var again = {|DO0007:count.ConfigureAwait(false).GetAwaiter().GetResult()|};
                    await Task.Yield();
                }
            }
            """;
        const string fixedSource = """
            using System.Threading.Tasks;
            using Do;

            public partial class Studio : Business
            {
                private static Task<string> NameAsync() => Task.FromResult("acme");

                public async Task Refresh(Task pending, Task<int> count)
                {
                    await pending;
                    var name = await NameAsync();
                    var length = (await NameAsync()).Length;
                    var total = await count + length;
                    var again = await count.ConfigureAwait(false);
                    await Task.Yield();
                }
            }
            """;

        await Verify.VerifyFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Fixes_inside_an_async_handler_lambda()
    {
        const string source = """
            using System.Threading.Tasks;
            using Do;

            public partial class Studio : Business
            {
                protected override void Configure(Context ctx)
                {
                    ctx.Every.Cron("*/15 * * * *", async c =>
                    {
                        {|DO0007:c.Send("tick").Wait()|};
                        await Task.Yield();
                    });
                }
            }
            """;
        const string fixedSource = """
            using System.Threading.Tasks;
            using Do;

            public partial class Studio : Business
            {
                protected override void Configure(Context ctx)
                {
                    ctx.Every.Cron("*/15 * * * *", async c =>
                    {
                        await c.Send("tick");
                        await Task.Yield();
                    });
                }
            }
            """;

        await Verify.VerifyFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Offers_no_fix_where_await_is_not_allowed_or_changes_meaning()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Do;

            public partial class Studio : Business
            {
                private readonly object _gate = new();

                public int Count(Task<int> value) => {|DO0007:value.Result|};

                public async Task Guarded(Task<int> value)
                {
                    lock (_gate)
                    {
                        _ = {|DO0007:value.Result|};
                    }

                    _ = {|DO0007:value.Wait(TimeSpan.FromSeconds(1))|};
                    _ = value?{|DO0007:.Result|};
                    await Task.Yield();
                }
            }
            """;

        await Verify.VerifyNoFixAsync(source);
    }
}
