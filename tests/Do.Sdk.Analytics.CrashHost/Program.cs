// Usage: Do.Sdk.Analytics.CrashHost <data folder> run [staged|marked]
//        Do.Sdk.Analytics.CrashHost <data folder> flush
// run:   bumps counters in three objects in a loop while the analytics stream writes small batches (and compacts)
//        in the background, until killed; with a commit point, the process SIGKILLs itself the third time the
//        stream reaches it.
// flush: starts the host (recovering what a crash left), flushes the stream, prints "flushed" and exits.
using System.Diagnostics;
using Do;
using Do.Analytics;
using Do.CrashHost;

if (args.Length is < 2 or > 3)
{
    Console.Error.WriteLine("usage: Do.Sdk.Analytics.CrashHost <data folder> run [staged|marked] | flush");
    return 2;
}

var (data, mode, crashAt) = (args[0], args[1], args.Length == 3 ? args[2] : null);
var reached = 0;
await using var host = await DoHost.StartAsync(o =>
{
    o.DataPath = data;
    o.UseAnalytics(a =>
    {
        a.BatchSize = 5;
        a.MaxDelay = TimeSpan.FromMilliseconds(20);
        a.CompactMinFiles = 4;
        a.CompactInterval = TimeSpan.FromMilliseconds(200);
        a.CommitPointHook = point =>
        {
            if (point == crashAt && ++reached == 3)
            {
                Process.GetCurrentProcess().Kill(); // SIGKILL: no finally blocks, no flush, no dispose
            }

            return ValueTask.CompletedTask;
        };
    });
});
await host.Recovered;

if (mode == "flush")
{
    await host.Analytics().FlushAsync();
    Console.WriteLine("flushed");
    return 0;
}

var counters = new[] { "https://a.example", "https://b.example", "https://c.example" }
    .Select(ns => host.Object<Business>(ns))
    .ToList();
foreach (var obj in counters)
{
    if (await obj.Collection<Counter>().Find("c") is null)
    {
        await obj.Collection<Counter>().Create("c", new Counter());
    }
}

Console.WriteLine("ready");
while (true)
{
    foreach (var obj in counters)
    {
        await obj.Ref<Counter>("c").Invoke(Counter.BumpVerb, null, (c, _) =>
        {
            c.Bump();
            return ValueTask.CompletedTask;
        });
    }
}
