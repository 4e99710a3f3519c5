namespace Do.CrashHost;

/// <summary>The emit, deliver and quiet modes: a durable custom event across a SIGKILL between commit and dispatch.</summary>
internal static class EmitCrash
{
    public const string Namespace = "https://crash.example/outbox";

    public static async Task<int> RunAsync(string data, string mode)
    {
        await using var host = await DoHost.StartAsync(o => o.DataPath = data);
        await host.Recovered;
        var outbox = host.Object<Outbox>(Namespace);
        var counters = outbox.Collection<Counter>();
        if (mode == "emit")
        {
            await counters.Create("c", new Counter());
            var counter = outbox.As("carol").Ref<Counter>("c");
            // The handler blocks after the commit; the test kills this process as soon as it says "dispatching".
            await counter.Invoke(Counter.CloseVerb, null, (c, ctx) => new ValueTask(c.Close(ctx)));
            await Task.Delay(Timeout.Infinite);
            return 1;
        }

        // Activation delivers what is undispatched; a read is a turn after it.
        await counters.Find("c");
        if (mode == "deliver")
        {
            await Outbox.Delivered.Task.WaitAsync(TimeSpan.FromSeconds(60));
            Console.WriteLine("delivered");
        }
        else
        {
            Console.WriteLine("quiet");
        }

        return 0;
    }
}
