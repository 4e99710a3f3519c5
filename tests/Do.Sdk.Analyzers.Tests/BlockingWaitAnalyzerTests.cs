using Verify = Do.Sdk.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Do.Sdk.Analyzers.BlockingWaitAnalyzer>;

namespace Do.Sdk.Analyzers.Tests;

public sealed class BlockingWaitAnalyzerTests
{
    private const string Block = "blocks the object's turn until the task completes; await it instead";

    private const string Timer = "waits in place inside a durable action: it holds the object's turn and starts over after a restart; use 'await ctx.Sleep(...)', a durable timer";

    [Fact]
    public async Task Any_member_of_a_durable_object_is_checked()
    {
        const string source = """
            using System.Threading.Tasks;
            using Do;

            public partial class Studio : Business
            {
                private static Task<int> CountAsync() => Task.FromResult(1);

                public int Count => {|#0:CountAsync().Result|};

                public void Flush(Task pending) => {|#1:pending.Wait()|};
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(Descriptors.BlockingWait).WithLocation(0).WithArguments("Task<int>.Result", Block),
            Verify.Diagnostic(Descriptors.BlockingWait).WithLocation(1).WithArguments("Task.Wait()", Block));
    }

    [Fact]
    public async Task Verbs_of_nouns_are_checked()
    {
        const string source = """
            using System.Threading.Tasks;
            using Do;

            [Noun]
            public partial class Startup
            {
                public string Name { get; set; } = "";

                [Verb] public void Rename(Task<string> name) => Name = {|#0:name.GetAwaiter().GetResult()|};

                [Verb] public void Load(ValueTask<string> name) => Name = {|#1:name.Result|};

                [Verb] public void Save(Task saving) => {|#2:saving.ConfigureAwait(false).GetAwaiter().GetResult()|};
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(Descriptors.BlockingWait).WithLocation(0).WithArguments("TaskAwaiter<string>.GetResult()", Block),
            Verify.Diagnostic(Descriptors.BlockingWait).WithLocation(1).WithArguments("ValueTask<string>.Result", Block),
            Verify.Diagnostic(Descriptors.BlockingWait).WithLocation(2).WithArguments("ConfiguredTaskAwaiter.GetResult()", Block));
    }

    [Fact]
    public async Task Handlers_are_checked_wherever_they_are_written()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Do;

            public static class Wiring
            {
                public static Func<Context, Task> Handler(Task warmUp) => ctx =>
                {
                    {|#0:warmUp.Wait(TimeSpan.FromSeconds(1))|};
                    return ctx.Send("warm");
                };
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(Descriptors.BlockingWait).WithLocation(0).WithArguments("Task.Wait()", Block));
    }

    [Fact]
    public async Task Awaiting_and_code_outside_durable_code_are_not_reported()
    {
        const string source = """
            using System.Threading.Tasks;
            using Do;

            public sealed class Outcome
            {
                public int Result { get; set; }
            }

            [Noun]
            public partial class Startup
            {
                public int Priority { get; set; }

                public int Peek(Task<int> value) => value.Result;

                [Verb] public async Task Load(Task<int> value, Outcome outcome)
                {
                    Priority = await value + outcome.Result;
                }
            }

            public static class Program
            {
                public static void Main() => Task.Delay(1).Wait();
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Timers_in_a_durable_action_are_reported_with_ctx_Sleep()
    {
        const string source = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Do;

            [Noun]
            public partial class Order
            {
                public string Receipt { get; set; } = "";

                [Verb] public async Task Pay(Context ctx)
                {
                    await {|#0:Task.Delay(TimeSpan.FromMinutes(5))|};
                    {|#1:Thread.Sleep(1000)|};
                    Receipt = await ctx.Step("charge", _ => Task.FromResult("r-1"));
                    await {|#2:Task.Delay(500)|}.ConfigureAwait(false);
                }
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(Descriptors.BlockingWait).WithLocation(0).WithArguments("Task.Delay()", Timer),
            Verify.Diagnostic(Descriptors.BlockingWait).WithLocation(1).WithArguments("Thread.Sleep()", Timer),
            Verify.Diagnostic(Descriptors.BlockingWait).WithLocation(2).WithArguments("Task.Delay()", Timer));
    }

    [Fact]
    public async Task Timers_inside_a_step_or_outside_a_durable_action_are_not_reported()
    {
        const string source = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Do;

            [Noun]
            public partial class Order
            {
                public string Receipt { get; set; } = "";

                [Verb] public async Task Pay(Context ctx)
                {
                    Receipt = await ctx.Step("charge", async ct =>
                    {
                        await Task.Delay(TimeSpan.FromMilliseconds(200), ct); // a backoff against the gateway, inside the step
                        return "r-1";
                    });
                }

                [Verb] public async Task Refresh(Context ctx)
                {
                    await Task.Delay(10);
                    await ctx.Send("refreshed");
                }
            }

            public static class Outside
            {
                public static async Task Run() => await Task.Delay(10);
            }
            """;

        await Verify.VerifyAsync(source);
    }
}
