using Verify = Do.Sdk.Analyzers.Tests.Infrastructure.CodeFixVerifier<
    Do.Sdk.Analyzers.NonDeterminismAnalyzer,
    Do.Sdk.CodeFixes.UseContextCodeFixProvider>;

namespace Do.Sdk.Analyzers.Tests.CodeFixes;

public sealed class UseContextCodeFixProviderTests
{
    [Fact]
    public async Task Replaces_clock_and_ids_with_the_handlers_context()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Do;

            public partial class Studio : Business
            {
                protected override void Configure(Context ctx)
                {
                    ctx.Every.Monday.At9am(async context =>
                    {
                        DateTime local = {|DO0006:DateTime.Now|};
                        DateTime utc = {|DO0006:DateTime.UtcNow|};
                        DateTime day = {|DO0006:DateTime.Today|};
                        DateTimeOffset at = {|DO0006:DateTimeOffset.UtcNow|};
                        Guid id = {|DO0006:Guid.NewGuid()|};
                        await context.Send("report", (local, utc, day, at, id));
                    });
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Threading.Tasks;
            using Do;

            public partial class Studio : Business
            {
                protected override void Configure(Context ctx)
                {
                    ctx.Every.Monday.At9am(async context =>
                    {
                        DateTime local = context.Now.LocalDateTime;
                        DateTime utc = context.Now.UtcDateTime;
                        DateTime day = context.Now.LocalDateTime.Date;
                        DateTimeOffset at = context.Now;
                        Guid id = context.NewId();
                        await context.Send("report", (local, utc, day, at, id));
                    });
                }
            }
            """;

        await Verify.VerifyFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Uses_the_verbs_context_parameter()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Do;

            [Noun]
            public partial class Startup
            {
                public DateTimeOffset LaunchedAt { get; set; }

                [Verb] public Task Launch(Context @event)
                {
                    LaunchedAt = {|DO0006:DateTimeOffset.Now|};
                    return Task.CompletedTask;
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Threading.Tasks;
            using Do;

            [Noun]
            public partial class Startup
            {
                public DateTimeOffset LaunchedAt { get; set; }

                [Verb] public Task Launch(Context @event)
                {
                    LaunchedAt = @event.Now;
                    return Task.CompletedTask;
                }
            }
            """;

        await Verify.VerifyFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Offers_no_fix_without_a_context_or_for_random()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Do;

            [Noun]
            public partial class Startup
            {
                public DateTime LaunchedAt { get; set; }
                public int Score { get; set; }

                [Verb] public void Launch() => LaunchedAt = {|DO0006:DateTime.UtcNow|};

                [Verb] public Task Roll(Context ctx)
                {
                    Score = {|DO0006:Random.Shared|}.Next(6);
                    return Task.CompletedTask;
                }
            }
            """;

        await Verify.VerifyNoFixAsync(source);
    }

    [Fact]
    public async Task In_a_durable_action_journals_the_value_in_a_step()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Do;

            [Noun]
            public partial class Order
            {
                public string Receipt { get; set; } = "";

                [Verb] public async Task Pay(Context ctx)
                {
                    DateTime at = {|DO0006:DateTime.UtcNow|};
                    Guid key = {|DO0006:Guid.NewGuid()|};
                    int year = {|DO0006:ctx.Now|}.Year;
                    Receipt = await ctx.Step("charge", _ => Task.FromResult($"{at}{key}{year}"));
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Threading.Tasks;
            using Do;

            [Noun]
            public partial class Order
            {
                public string Receipt { get; set; } = "";

                [Verb] public async Task Pay(Context ctx)
                {
                    DateTime at = (await ctx.Step("now", _ => Task.FromResult(ctx.Now))).UtcDateTime;
                    Guid key = await ctx.Step("new id", _ => Task.FromResult(ctx.NewId()));
                    int year = (await ctx.Step("now", _ => Task.FromResult(ctx.Now))).Year;
                    Receipt = await ctx.Step("charge", _ => Task.FromResult($"{at}{key}{year}"));
                }
            }
            """;

        await Verify.VerifyFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Offers_no_step_where_await_cannot_go()
    {
        const string source = """
            using System;
            using System.Linq;
            using System.Threading.Tasks;
            using Do;

            [Noun]
            public partial class Order
            {
                public string Receipt { get; set; } = "";

                [Verb] public async Task Pay(Context ctx)
                {
                    var keys = Enumerable.Range(0, 2).Select(_ => {|DO0006:ctx.NewId()|}).ToArray();
                    Receipt = await ctx.Step("charge", _ => Task.FromResult(keys.Length.ToString()));
                }
            }
            """;

        await Verify.VerifyNoFixAsync(source);
    }
}
