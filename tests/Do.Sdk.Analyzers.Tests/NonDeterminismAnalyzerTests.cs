using Verify = Do.Sdk.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Do.Sdk.Analyzers.NonDeterminismAnalyzer>;

namespace Do.Sdk.Analyzers.Tests;

public sealed class NonDeterminismAnalyzerTests
{
    [Fact]
    public async Task Clock_in_a_verb_without_context_is_reported_with_general_advice()
    {
        const string source = """
            using System;
            using Do;

            [Noun]
            public partial class Startup
            {
                public DateTime LaunchedAt { get; set; }

                [Verb] public void Launch() => LaunchedAt = {|#0:DateTime.UtcNow|};
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(Descriptors.NonDeterministicCall)
                .WithLocation(0)
                .WithArguments("DateTime.UtcNow", "verb 'Startup.Launch'", "use 'Context.Now'"));
    }

    [Fact]
    public async Task Calls_in_a_handler_name_the_context_parameter()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Do;

            public partial class Studio : Business
            {
                protected override void Configure(Context ctx)
                {
                    ctx.Every.Monday.At9am(async c =>
                    {
                        var id = {|#0:Guid.NewGuid()|};
                        var at = {|#1:DateTimeOffset.Now|};
                        await c.Send("report", (id, at));
                    });
                }
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(Descriptors.NonDeterministicCall).WithLocation(0).WithArguments("Guid.NewGuid()", "a handler", "use 'c.NewId()'"),
            Verify.Diagnostic(Descriptors.NonDeterministicCall).WithLocation(1).WithArguments("DateTimeOffset.Now", "a handler", "use 'c.Now'"));
    }

    [Fact]
    public async Task Configure_itself_is_checked()
    {
        const string source = """
            using System;
            using Do;

            public partial class Studio : Business
            {
                public DateTime StartedOn { get; private set; }

                protected override void Configure(Context ctx)
                {
                    StartedOn = {|#0:DateTime.Today|};
                }
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(Descriptors.NonDeterministicCall)
                .WithLocation(0)
                .WithArguments("DateTime.Today", "'Studio.Configure'", "use 'ctx.Now.LocalDateTime.Date'"));
    }

    [Fact]
    public async Task Random_is_reported_without_a_replacement()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Do;

            [Noun]
            public partial class Startup
            {
                public int Score { get; set; }

                [Verb] public void Roll() => Score = {|#0:Random.Shared|}.Next(6);

                [Verb] public Task Shuffle(Context ctx)
                {
                    Random random = {|#1:new()|};
                    Score = random.Next() + {|#2:new Random(42)|}.Next();
                    return Task.CompletedTask;
                }
            }
            """;

        const string advice = "pass random values in as verb input, or derive them from 'Context.NewId()'";
        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(Descriptors.NonDeterministicCall).WithLocation(0).WithArguments("Random.Shared", "verb 'Startup.Roll'", advice),
            Verify.Diagnostic(Descriptors.NonDeterministicCall).WithLocation(1).WithArguments("new Random()", "verb 'Startup.Shuffle'", advice),
            Verify.Diagnostic(Descriptors.NonDeterministicCall).WithLocation(2).WithArguments("new Random()", "verb 'Startup.Shuffle'", advice));
    }

    [Fact]
    public async Task Nested_lambdas_and_local_functions_inherit_the_verb_or_handler()
    {
        const string source = """
            using System;
            using System.Linq;
            using System.Threading.Tasks;
            using Do;

            [Noun]
            public partial class Startup
            {
                public DateTime[] Stamps { get; set; } = [];

                [Verb] public async Task Stamp(Context context, int count)
                {
                    Stamps = Enumerable.Range(0, count).Select(_ => {|#0:DateTime.Now|}).ToArray();
                    await Task.Yield();
                }

                public static Func<Context, Task> Handler() => Run;

                private static Task Run(Context ctx)
                {
                    return Local(ctx);

                    static Task Local(Context inner)
                    {
                        _ = {|#1:DateTimeOffset.UtcNow|};
                        return Task.CompletedTask;
                    }
                }
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(Descriptors.NonDeterministicCall).WithLocation(0).WithArguments("DateTime.Now", "verb 'Startup.Stamp'", "use 'context.Now.LocalDateTime'"),
            Verify.Diagnostic(Descriptors.NonDeterministicCall).WithLocation(1).WithArguments("DateTimeOffset.UtcNow", "a handler", "use 'inner.Now'"));
    }

    [Fact]
    public async Task Code_outside_verbs_and_handlers_is_not_reported()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Do;

            [Noun]
            public partial class Startup
            {
                public DateTime Created { get; set; } = DateTime.UtcNow;

                public Guid NewKey() => Guid.NewGuid();

                [Verb] public string Describe() => nameof(DateTime.Now);

                [Verb] public async Task Launch(Context ctx) => await ctx.Send("launched", (ctx.Now, ctx.NewId()));
            }

            public partial class Studio : Business
            {
                public static Func<int, DateTime> Later = days => DateTime.Now.AddDays(days);

                private void Log() => Console.WriteLine(DateTimeOffset.UtcNow);
            }

            public class Plain
            {
                public Random Random { get; } = new Random();
                public Func<int, Guid> Ids = _ => Guid.NewGuid();
            }
            """;

        await Verify.VerifyAsync(source);
    }

    private const string Journal = "a replay of this durable action reads it again, so journal it";

    [Fact]
    public async Task In_a_durable_verb_values_read_before_a_step_are_journaled_with_ctx_Step()
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
                    var at = {|#0:DateTime.UtcNow|};
                    var key = {|#1:Guid.NewGuid()|};
                    var now = {|#2:ctx.Now|};
                    var id = {|#3:ctx.NewId()|};
                    var ticks = {|#4:Environment.TickCount64|};
                    var year = {|#5:ctx.Time.GetUtcNow()|}.Year;
                    Receipt = await ctx.Step("charge", _ => Task.FromResult($"{at}{key}{now}{id}{ticks}{year}"));
                }
            }
            """;

        const string now = "await ctx.Step(\"now\", _ => Task.FromResult(ctx.Now))";
        const string newId = "await ctx.Step(\"new id\", _ => Task.FromResult(ctx.NewId()))";
        const string verb = "verb 'Order.Pay'";
        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(Descriptors.NonDeterministicCall).WithLocation(0).WithArguments("DateTime.UtcNow", verb, $"{Journal}: '({now}).UtcDateTime'"),
            Verify.Diagnostic(Descriptors.NonDeterministicCall).WithLocation(1).WithArguments("Guid.NewGuid()", verb, $"{Journal}: '{newId}'"),
            Verify.Diagnostic(Descriptors.NonDeterministicCall).WithLocation(2).WithArguments("Context.Now", verb, $"{Journal}: '{now}'"),
            Verify.Diagnostic(Descriptors.NonDeterministicCall).WithLocation(3).WithArguments("Context.NewId()", verb, $"{Journal}: '{newId}'"),
            Verify.Diagnostic(Descriptors.NonDeterministicCall).WithLocation(4).WithArguments("Environment.TickCount64", verb, $"{Journal}: 'await ctx.Step(\"tick count\", _ => Task.FromResult(Environment.TickCount64))'"),
            Verify.Diagnostic(Descriptors.NonDeterministicCall).WithLocation(5).WithArguments("TimeProvider.GetUtcNow()", verb, $"{Journal}: '({now})'"));
    }

    [Fact]
    public async Task Inside_a_steps_work_after_the_last_step_and_in_a_wait_length_nothing_is_reported()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Do;

            [Noun]
            public partial class Order
            {
                public long Stamp { get; set; }
                public DateTimeOffset PaidAt { get; set; }
                public Guid Receipt { get; set; }
                public DateTimeOffset Due { get; set; }

                [Verb] public async Task Pay(Context ctx)
                {
                    Stamp = await ctx.Step("stamp", _ => Task.FromResult(DateTime.UtcNow.Ticks + ctx.Now.Ticks + Guid.NewGuid().GetHashCode() + Random.Shared.Next()));
                    await ctx.Step("log", async ct => { await Task.Yield(); Console.WriteLine(DateTimeOffset.Now); });
                    await ctx.Sleep(Due - ctx.Now);
                    PaidAt = ctx.Now;
                    Receipt = ctx.NewId();
                }

                [Verb] public Task Touch(Context ctx)
                {
                    PaidAt = ctx.Now;
                    return Task.CompletedTask;
                }
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task A_read_in_a_loop_with_a_step_is_reported_and_Random_gets_no_replacement()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Do;

            public partial class Billing : Business
            {
                protected override void Configure(Context ctx)
                {
                    ctx.Define("charge", async (input, c) =>
                    {
                        var last = DateTimeOffset.MinValue;
                        for (var i = 0; i < 3; i++)
                        {
                            await c.Step("try", _ => Task.FromResult(i));
                            last = {|#0:c.Now|};
                        }

                        var pick = {|#1:Random.Shared|}.Next(3);
                        await c.Sleep(TimeSpan.FromMinutes(pick));
                        return last.ToString();
                    });

                    ctx.Every.Monday.At9am(async h => await h.Send("now", h.Now));
                }
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(Descriptors.NonDeterministicCall).WithLocation(0).WithArguments("Context.Now", "a handler", $"{Journal}: 'await c.Step(\"now\", _ => Task.FromResult(c.Now))'"),
            Verify.Diagnostic(Descriptors.NonDeterministicCall).WithLocation(1).WithArguments("Random.Shared", "a handler", "a replay of this durable action reads it again, so journal it with 'ctx.Step'"));
    }

    [Fact]
    public async Task The_machine_clock_after_the_last_step_keeps_the_plain_advice()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Do;

            [Noun]
            public partial class Order
            {
                public DateTime PaidAt { get; set; }

                [Verb] public async Task Pay(Context ctx)
                {
                    await ctx.WaitFor<bool>("paid", TimeSpan.FromDays(1));
                    PaidAt = {|#0:DateTime.UtcNow|};
                }
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(Descriptors.NonDeterministicCall).WithLocation(0).WithArguments("DateTime.UtcNow", "verb 'Order.Pay'", "use 'ctx.Now.UtcDateTime'"));
    }
}
