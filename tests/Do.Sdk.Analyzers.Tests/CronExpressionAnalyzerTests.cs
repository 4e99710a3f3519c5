using Verify = Do.Sdk.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Do.Sdk.Analyzers.CronExpressionAnalyzer>;

namespace Do.Sdk.Analyzers.Tests;

public sealed class CronExpressionAnalyzerTests
{
    private const string Prefix = """
        using System.Threading.Tasks;
        using Do;

        public partial class Studio : Business
        {
            private const string Nightly = "0 3 * * *";

            protected override void Configure(Context ctx)
            {

        """;

    private const string Suffix = """

            }
        }
        """;

    [Theory]
    [InlineData("*/15 * * * *")]
    [InlineData("0 9 * * MON-FRI")]
    [InlineData("*/30 * * * * *")]
    [InlineData("0 0 12 L * ?")]
    [InlineData("@daily")]
    public async Task Valid_expressions_are_not_reported(string expression)
    {
        var source = Prefix + $$"""
                    ctx.Every.Cron("{{expression}}", async c => await c.Send("tick"));
                    ctx.Every.Cron("{{expression}}", "Europe/Paris", async c => await c.Send("tick"));
            """ + Suffix;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Too_few_fields_are_reported_with_the_field_count_and_the_cronos_message()
    {
        Assert.StartsWith(
            "expected 5 fields (minute hour day-of-month month day-of-week) or 6 (seconds first), found 4. Cronos: ",
            CronExpressionAnalyzer.Validate("* * * *"),
            StringComparison.Ordinal);

        var source = Prefix + """
                    ctx.Every.Cron({|#0:"* * * *"|}, async c => await c.Send("tick"));
            """ + Suffix;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(Descriptors.InvalidCronExpression)
                .WithLocation(0)
                .WithArguments("* * * *", CronExpressionAnalyzer.Validate("* * * *")!));
    }

    [Theory]
    [InlineData("61 * * * *")]
    [InlineData("0 25 * * *")]
    [InlineData("70 * * * * *")]
    [InlineData("* * * * * * *")]
    [InlineData("every minute")]
    public async Task Invalid_expressions_are_reported(string expression)
    {
        var message = CronExpressionAnalyzer.Validate(expression);
        Assert.NotNull(message);

        var source = Prefix + $$"""
                    ctx.Every.Cron({|#0:"{{expression}}"|}, "Europe/Paris", async c => await c.Send("tick"));
            """ + Suffix;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(Descriptors.InvalidCronExpression).WithLocation(0).WithArguments(expression, message!));
    }

    [Fact]
    public async Task Message_quotes_cronos()
    {
        Assert.Contains("Minutes", CronExpressionAnalyzer.Validate("61 * * * *"), StringComparison.OrdinalIgnoreCase);
        Assert.Null(CronExpressionAnalyzer.Validate("0 9 * * *"));

        var source = Prefix + """
                    ctx.Every.Cron({|#0:"61 * * * *"|}, async c => await c.Send("tick"));
            """ + Suffix;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(Descriptors.InvalidCronExpression)
                .WithLocation(0)
                .WithMessage($"\"61 * * * *\" is not a valid cron expression: {CronExpressionAnalyzer.Validate("61 * * * *")}"));
    }

    [Fact]
    public async Task Constants_and_named_arguments_are_checked()
    {
        var source = Prefix + """
                    const string broken = "0 9 * *";
                    ctx.Every.Cron({|#0:broken|}, async c => await c.Send("tick"));
                    ctx.Every.Cron(handler: async c => await c.Send("tick"), expression: {|#1:"0 9 31 2 * * *"|});
                    ctx.Every.Cron(Nightly, async c => await c.Send("tick"));
            """ + Suffix;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(Descriptors.InvalidCronExpression).WithLocation(0).WithArguments("0 9 * *", CronExpressionAnalyzer.Validate("0 9 * *")!),
            Verify.Diagnostic(Descriptors.InvalidCronExpression).WithLocation(1).WithArguments("0 9 31 2 * * *", CronExpressionAnalyzer.Validate("0 9 31 2 * * *")!));
    }

    [Fact]
    public async Task Non_constant_expressions_and_other_cron_methods_are_not_reported()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Do;

            public static class Scheduler
            {
                public static void Cron(string expression, Func<Context, Task> handler) { }
            }

            public partial class Studio : Business
            {
                public string Schedule { get; set; } = "bad";

                protected override void Configure(Context ctx)
                {
                    ctx.Every.Cron(Schedule, async c => await c.Send("tick"));
                    Scheduler.Cron("not a cron", async c => await c.Send("tick"));
                }
            }
            """;

        await Verify.VerifyAsync(source);
    }
}
