// Usage: Do.Sdk.CrashHost <data folder> <ack file> <side-effect file> run|recover
// run:     bumps a counter and runs an effectful verb in a loop, appending "bump"/"effect" to the ack file after
//          each call is acknowledged, until the process is killed.
// recover: starts the host, waits for crash recovery (open actions resumed, events delivered), and exits.
// emit:    as user "carol", runs a verb that emits a durable custom event whose handler blocks ("dispatching"), so the
//          test can kill the process between commit and dispatch.
// deliver: restarts; waits until the emitted event's handler ran ("delivered"), and exits.
// quiet:   restarts, activates the object (which delivers anything undispatched) and exits ("quiet").
// step ...: a plain ctx.Step across a crash (see StepCrash.cs); agent ...: an agent run across a crash (AgentCrash.cs).
using Do;
using Do.CrashHost;

if (args is ["agent", var agentData, var agentMode])
{
    return await AgentCrash.RunAsync(agentData, agentMode);
}

if (args is ["step", var stepData, var stepEffects, var stepMode])
{
    return await StepCrash.RunAsync(stepData, stepEffects, stepMode);
}

if (args.Length != 4)
{
    Console.Error.WriteLine("usage: Do.Sdk.CrashHost <data folder> <ack file> <side-effect file> run|recover|emit|deliver|quiet");
    return 2;
}

var (data, ackPath, effects, mode) = (args[0], args[1], args[2], args[3]);
Counter.SideEffectFile = effects;
Outbox.Block = mode == "emit";
if (mode is "emit" or "deliver" or "quiet")
{
    return await EmitCrash.RunAsync(data, mode);
}

await using var host = await DoHost.StartAsync(o =>
{
    o.DataPath = data;
    o.Actions = new ActionOptions { MaxRetries = 2, BaseDelay = TimeSpan.FromMilliseconds(10), Timeout = TimeSpan.FromSeconds(10) };
});
await host.Recovered;
var obj = host.Object<Business>("https://crash.example");
var counters = obj.Collection<Counter>();
if (await counters.Find("c") is null)
{
    await counters.Create("c", new Counter());
}

if (mode == "recover")
{
    Console.WriteLine("recovered");
    return 0;
}

await using var ack = new StreamWriter(new FileStream(ackPath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
var counter = obj.Ref<Counter>("c");
Console.WriteLine("ready");
for (long i = 0; ; i++)
{
    await counter.Invoke(Counter.BumpVerb, null, (c, _) =>
    {
        c.Bump();
        return ValueTask.CompletedTask;
    });
    await ack.WriteLineAsync("bump");
    if (i % 3 == 0)
    {
        await counter.Invoke(Counter.EffectVerb, null, (c, ctx) => new ValueTask(c.Effect(ctx)));
        await ack.WriteLineAsync("effect");
    }
}
