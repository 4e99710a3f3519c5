using Verify = Do.Sdk.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Do.Sdk.Analyzers.StepReplayAnalyzer>;

namespace Do.Sdk.Analyzers.Tests;

public sealed class StepReplayAnalyzerTests
{
    private const string Nested = "runs only when that step's work runs, and a replay skips the work: every later step would meet a journal entry of another call. Call it before or after the step";

    private const string Lost = "a replay returns the step's journaled result without running its work, so the assignment is lost. Return the value from the step and assign it outside";

    private const string Blank = "is blank, and a durable action rejects it at run time; give each step a name that says what it does";

    [Fact]
    public async Task A_journaled_call_inside_a_steps_work_is_reported()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Do;

            [Noun]
            public partial class Order
            {
                [Verb] public async Task Pay(Context ctx)
                {
                    await ctx.Step("charge", async ct =>
                    {
                        await {|#0:ctx.Sleep(TimeSpan.FromSeconds(5))|};
                        return await {|#1:ctx.Step("inner", _ => Task.FromResult(1))|};
                    });
                    var summary = await ctx.Step($"summary", async _ => await {|#2:ctx.Ai("summarize")|});
                }
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(Descriptors.StepBreaksReplay).WithLocation(0).WithArguments("'Sleep' inside the work of step \"charge\"", Nested),
            Verify.Diagnostic(Descriptors.StepBreaksReplay).WithLocation(1).WithArguments("'Step' inside the work of step \"charge\"", Nested),
            Verify.Diagnostic(Descriptors.StepBreaksReplay).WithLocation(2).WithArguments("'Ai' inside the work of step \"summary\"", Nested));
    }

    [Fact]
    public async Task State_assigned_inside_a_steps_work_is_reported()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Do;

            [Noun]
            public partial class Order
            {
                public string Receipt { get; set; } = "";
                public int Attempts { get; set; }
                private int _calls;

                [Verb] public async Task Pay(Context ctx, int cents)
                {
                    string? id = null;
                    var count = 0;
                    var (a, b) = (0, 0);
                    await ctx.Step("charge", async ct =>
                    {
                        await Task.Yield();
                        {|#0:id|} = "r-1";
                        {|#1:Receipt|} = "r-1";
                        {|#2:this.Attempts|} += 1;
                        {|#3:count|}++;
                        {|#4:_calls|}++;
                        {|#5:cents|} = 0;
                        ({|#6:a|}, {|#7:b|}) = (1, 2);
                    });
                }
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(Descriptors.StepBreaksReplay).WithLocation(0).WithArguments("'id' is assigned inside the work of step \"charge\"", Lost),
            Verify.Diagnostic(Descriptors.StepBreaksReplay).WithLocation(1).WithArguments("'Receipt' is assigned inside the work of step \"charge\"", Lost),
            Verify.Diagnostic(Descriptors.StepBreaksReplay).WithLocation(2).WithArguments("'Attempts' is assigned inside the work of step \"charge\"", Lost),
            Verify.Diagnostic(Descriptors.StepBreaksReplay).WithLocation(3).WithArguments("'count' is assigned inside the work of step \"charge\"", Lost),
            Verify.Diagnostic(Descriptors.StepBreaksReplay).WithLocation(4).WithArguments("'_calls' is assigned inside the work of step \"charge\"", Lost),
            Verify.Diagnostic(Descriptors.StepBreaksReplay).WithLocation(5).WithArguments("'cents' is assigned inside the work of step \"charge\"", Lost),
            Verify.Diagnostic(Descriptors.StepBreaksReplay).WithLocation(6).WithArguments("'a' is assigned inside the work of step \"charge\"", Lost),
            Verify.Diagnostic(Descriptors.StepBreaksReplay).WithLocation(7).WithArguments("'b' is assigned inside the work of step \"charge\"", Lost));
    }

    [Fact]
    public async Task Blank_step_and_signal_names_are_reported()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Do;

            [Noun]
            public partial class Order
            {
                [Verb] public async Task Pay(Context ctx)
                {
                    await ctx.Step({|#0:""|}, _ => Task.FromResult(1));
                    await ctx.WaitFor<bool>({|#1:" "|}, TimeSpan.FromHours(1));
                }
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(Descriptors.StepBreaksReplay).WithLocation(0).WithArguments("The step name \"\"", Blank),
            Verify.Diagnostic(Descriptors.StepBreaksReplay).WithLocation(1).WithArguments("The signal name \" \"", Blank));
    }

    [Fact]
    public async Task Repeated_names_loops_computed_names_and_locals_of_the_work_are_fine()
    {
        // The journal is positional: a replay meets the same names at the same positions, so a loop may repeat one.
        const string source = """
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Do;

            public sealed class Invoice { public int Total { get; set; } }

            [Noun]
            public partial class Order
            {
                public int Total { get; set; }

                [Verb] public async Task Pay(Context ctx, List<string> items)
                {
                    foreach (var item in items)
                    {
                        await ctx.Step("charge", _ => Task.FromResult(item.Length));
                        await ctx.Step($"ship {item}", _ => Task.FromResult(1));
                    }

                    await ctx.Step("charge", _ => Task.FromResult(0));
                    var invoice = new Invoice();
                    Total = await ctx.Step("total", async ct =>
                    {
                        var sum = 0;
                        for (var i = 0; i < items.Count; i++)
                        {
                            sum += i;
                        }

                        invoice.Total = sum; // a member of another object: the step's business
                        Func<int, int> twice = x => { var y = x; y *= 2; return y; };
                        await Task.Yield();
                        return twice(sum);
                    });
                }
            }
            """;

        await Verify.VerifyAsync(source);
    }
}
