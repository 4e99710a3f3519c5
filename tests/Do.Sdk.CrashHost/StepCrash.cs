// Usage: Do.Sdk.CrashHost step <data folder> <side-effect file> run|resume|sleep|wake
// run:    starts the two-steps action (StepFlow); after step 1 is journaled it prints "between-steps" and hangs there
//         until the process is killed.
// resume: restarts (clock 1 hour later); the host resumes the interrupted action; prints "status=<action status>" and
//         "output=<its output>" once it ends.
// sleep:  starts the sleep-between action; step 1 runs, then it sleeps three days: prints "sleeping" once the action
//         waits, and hangs until killed.
// wake:   restarts (clock 1 hour later); prints "after-restart=<status>", advances the fake clock three days, then
//         prints "status=..." and "output=..." like resume.
using Do.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Do.CrashHost;

internal static class StepCrash
{
    public const string Namespace = "https://crash.example/steps";

    /// <summary>The fake clock's time in the killed run; a restart starts an hour later.</summary>
    public static readonly DateTimeOffset Start = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task<int> RunAsync(string data, string effects, string mode)
    {
        StepFlow.EffectsFile = effects;
        var restart = mode is "resume" or "wake";
        if (!restart)
        {
            StepFlow.BetweenSteps = new TaskCompletionSource().Task; // never completes: the crash point
        }

        await using var test = await DoTestHost.StartAsync(o =>
        {
            o.DataPath = data;
            o.Actions = new ActionOptions { MaxRetries = 0, Timeout = TimeSpan.FromMinutes(5) };
            ((FakeTimeProvider)o.TimeProvider).SetUtcNow(restart ? Start.AddHours(1) : Start);
        });
        await test.Host.Recovered;
        var obj = test.Object<StepFlow>(Namespace);
        var action = mode is "run" or "resume" ? StepFlow.TwoSteps : StepFlow.SleepBetween;
        switch (mode)
        {
            case "run":
                await obj.Run(ctx => ctx.Do(action));
                return 1; // hangs between the steps: never reached
            case "sleep":
                try
                {
                    await obj.Run(ctx => ctx.Do(action));
                    return 1;
                }
                catch (ActionWaitingException)
                {
                    Console.WriteLine("sleeping");
                    await Task.Delay(Timeout.Infinite);
                    return 1;
                }

            case "wake":
                Console.WriteLine($"after-restart={(await Find(obj, action))?.Status}");
                await test.AdvanceAsync(TimeSpan.FromDays(3));
                break;
        }

        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        ActionInfo? found;
        while ((found = await Find(obj, action)) is not { Status: ActionStatus.Completed or ActionStatus.Failed } && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Console.WriteLine($"status={found?.Status}");
        Console.WriteLine($"output={found?.Output}");
        return 0;
    }

    private static async Task<ActionInfo?> Find(ObjectClient obj, string action)
        => (await obj.Actions(new ActionFilter { Verb = action })).SingleOrDefault();
}
