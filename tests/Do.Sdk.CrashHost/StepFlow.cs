using System.Runtime.CompilerServices;
using Do.Infrastructure;

namespace Do.CrashHost;

/// <summary>
/// The step crash test's object, registered by hand so a restarted host resumes its open actions. Two defined actions,
/// each with two <c>ctx.Step</c>s whose effect is a line appended to <see cref="EffectsFile"/>:
/// <c>two-steps</c> waits for <see cref="BetweenSteps"/> after step 1 (the crash point: step 1 is journaled, step 2
/// has not started), and <c>sleep-between</c> sleeps three days there. Each returns the host time step 2 ran at (Unix milliseconds).
/// </summary>
internal sealed class StepFlow : Business
{
    public const string TwoSteps = "two-steps";
    public const string SleepBetween = "sleep-between";

    public static string EffectsFile { get; set; } = "";

    /// <summary>Completed at once on a resume; never in the run that gets killed.</summary>
    public static Task BetweenSteps { get; set; } = Task.CompletedTask;

    protected override void Configure(Context ctx)
    {
        ctx.Define(TwoSteps, async (_, c) =>
        {
            await c.Step("write step 1", token => Append("step 1", token));
            Console.WriteLine("between-steps");
            await BetweenSteps;
            var at = await c.Step("write step 2", async token =>
            {
                await Append("step 2", token);
                return c.Now;
            });
            return Output(at);
        });

        ctx.Define(SleepBetween, async (_, c) =>
        {
            await c.Step("write step 1", token => Append("step 1", token));
            await c.Sleep(TimeSpan.FromDays(3));
            var at = await c.Step("write step 2", async token =>
            {
                await Append("step 2", token);
                return c.Now;
            });
            return Output(at);
        });
    }

    private static string Output(DateTimeOffset at) => System.Text.Json.JsonSerializer.Serialize(at.ToUnixTimeMilliseconds(), StepFlowJson.Default.Int64);

    private static async Task Append(string line, CancellationToken token)
    {
        await using var file = new FileStream(EffectsFile, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        await file.WriteAsync(System.Text.Encoding.UTF8.GetBytes(line + "\n"), token);
        file.Flush(flushToDisk: true);
    }

    [ModuleInitializer]
    internal static void Register() => DoRegistry.Register(new ObjectClassInfo(nameof(StepFlow), typeof(StepFlow), static () => new StepFlow()));
}
