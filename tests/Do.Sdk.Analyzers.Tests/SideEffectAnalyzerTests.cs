using Verify = Do.Sdk.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Do.Sdk.Analyzers.SideEffectAnalyzer>;

namespace Do.Sdk.Analyzers.Tests;

public sealed class SideEffectAnalyzerTests
{
    [Fact]
    public async Task Outside_calls_before_a_later_step_are_reported()
    {
        const string source = """
            using System;
            using System.IO;
            using System.Net.Http;
            using System.Net.Http.Json;
            using System.Threading.Tasks;
            using Do;
            using Microsoft.Extensions.AI;

            [Noun]
            public partial class Order
            {
                public static HttpClient Http = new();
                public static IChatClient Chat = null!;

                [Verb] public async Task Pay(Context ctx)
                {
                    await {|#0:Http.PostAsync("https://pay.example/charge", null)|};
                    await {|#1:Http.PostAsJsonAsync("https://pay.example/charge", 5)|};
                    await {|#2:Chat.GetResponseAsync("is it paid?")|};
                    {|#3:File.AppendAllText("log.txt", "paid")|};
                    await ctx.Sleep(TimeSpan.FromDays(1));
                }
            }
            """;

        const string verb = "verb 'Order.Pay'";
        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(Descriptors.SideEffectOutsideStep).WithLocation(0).WithArguments("HttpClient.PostAsync()", verb),
            Verify.Diagnostic(Descriptors.SideEffectOutsideStep).WithLocation(1).WithArguments("HttpClient.PostAsJsonAsync()", verb),
            Verify.Diagnostic(Descriptors.SideEffectOutsideStep).WithLocation(2).WithArguments("IChatClient.GetResponseAsync()", verb),
            Verify.Diagnostic(Descriptors.SideEffectOutsideStep).WithLocation(3).WithArguments("File.AppendAllText()", verb));
    }

    [Fact]
    public async Task Calls_inside_a_step_after_the_last_step_or_outside_durable_actions_are_not_reported()
    {
        const string source = """
            using System;
            using System.IO;
            using System.Net.Http;
            using System.Threading.Tasks;
            using Do;

            [Noun]
            public partial class Order
            {
                public static HttpClient Http = new();

                [Verb] public async Task Pay(Context ctx)
                {
                    var ok = await ctx.Step("charge", async ct => (await Http.PostAsync("https://pay.example/charge", null, ct)).IsSuccessStatusCode);
                    await ctx.Sleep(TimeSpan.FromDays(1));
                    File.AppendAllText("log.txt", ok.ToString());
                }

                [Verb] public async Task Refresh(Context ctx)
                {
                    await Http.GetStringAsync("https://pay.example/status");
                    await ctx.Send("refreshed");
                }
            }

            public static class Outside
            {
                public static Task Run() => Order.Http.GetAsync("https://pay.example/");
            }
            """;

        await Verify.VerifyAsync(source);
    }
}
