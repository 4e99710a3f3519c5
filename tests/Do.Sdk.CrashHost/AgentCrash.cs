// Usage: Do.Sdk.CrashHost agent <data folder> run|resume
// run:    creates tally "t", runs an agent whose scripted model calls Tally_Add once, then prints
//         "asking-model-again" and hangs in its second model turn until the process is killed.
// resume: starts the host with a script holding only the final answer, lets the interrupted run resume, and prints
//         "count=<n>", "status=<action status>", "requests=<model requests>", "saw-tool-result=<true|false>".
using Do.Testing;
using Microsoft.Extensions.AI;

namespace Do.CrashHost;

internal static class AgentCrash
{
    private const string Ns = "https://agent-crash.example";

    public static async Task<int> RunAsync(string data, string mode)
    {
        var script = mode == "run"
            ? new ScriptedChatClient().CallTool("Tally_Add", """{"id":"t"}""").Reply("unreachable")
            : new ScriptedChatClient().Reply("Added one.");
        await using var host = await DoHost.StartAsync(o =>
        {
            o.DataPath = data;
            o.ChatClient = new HangOnSecondRequest(script, hang: mode == "run");
            o.Actions = new ActionOptions { MaxRetries = 0, Timeout = TimeSpan.FromMinutes(5) };
        });
        await host.Recovered;
        var agent = host.Object<TallyAgent>(Ns);
        if (mode == "run")
        {
            await agent.Collection<Tally>().Create("t", new Tally());
            Console.WriteLine("ready");
            await agent.Run("Add one to tally t.");
            return 1; // the model hangs: never reached
        }

        // The class is not registered with the catalog (no generator here), so the first call activates the agent
        // and resumes its open run; follow it through the action log.
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        ActionInfo? run;
        do
        {
            await Task.Delay(20);
            run = (await agent.Actions(new ActionFilter { Verb = Agent.RunAction })).SingleOrDefault();
        }
        while (run is not { Status: ActionStatus.Completed or ActionStatus.Failed } && DateTimeOffset.UtcNow < deadline);

        var tally = await agent.Ref<Tally>("t").Get();
        Console.WriteLine($"count={tally.Count}");
        Console.WriteLine($"status={run?.Status}");
        Console.WriteLine($"requests={script.Requests.Count}");
        var requests = script.Requests;
        Console.WriteLine($"saw-tool-result={requests.Count > 0 && requests[0].Messages.Any(m => m.Contents.OfType<FunctionResultContent>().Any())}");
        return 0;
    }

    /// <summary>The crash point: the second model request never returns, so the kill lands after the first tool call.</summary>
    private sealed class HangOnSecondRequest(IChatClient inner, bool hang) : DelegatingChatClient(inner)
    {
        private int _requests;

        public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            if (hang && Interlocked.Increment(ref _requests) == 2)
            {
                Console.WriteLine("asking-model-again");
                await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            }

            return await base.GetResponseAsync(messages, options, cancellationToken);
        }
    }
}

/// <summary>An agent offering the tally's verb.</summary>
internal sealed class TallyAgent : Agent
{
    protected override void Configure(Context ctx) => ctx.Tools.Add<Tally>();
}
