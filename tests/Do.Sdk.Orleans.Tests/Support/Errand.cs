using System.Collections.Concurrent;

namespace Do.Orleans.Tests.Support;

/// <summary>An errand whose durable verbs wait: for a signal, for a gate the test opens, for a human's approval.</summary>
[Noun]
public partial class Errand
{
    /// <summary>Gates by key that <see cref="Gated"/> waits on; the test opens them.</summary>
    public static readonly ConcurrentDictionary<string, TaskCompletionSource> Gates = new(StringComparer.Ordinal);

    /// <summary>The keys whose <see cref="Gated"/> run has started.</summary>
    public static readonly ConcurrentDictionary<string, bool> Entered = new(StringComparer.Ordinal);

    public string Outcome { get; set; } = "";

    [Verb]
    public async Task AwaitGo(Context ctx) => Outcome = "go: " + await ctx.WaitFor<string>("go", TimeSpan.FromHours(1));

    [Verb]
    public async Task Gated(string key, Context ctx)
    {
        Entered[key] = true;
        if (Gates.TryGetValue(key, out var gate))
        {
            await gate.Task;
        }

        Outcome = "ran " + key;
    }

    [Verb]
    public async Task AskApproval(string human, Context ctx)
    {
        var decision = await ctx.Human<Approver>(human).Approve("ship the errand?", TimeSpan.FromHours(1));
        Outcome = (decision.Approved ? "approved by " : "rejected by ") + decision.By + (decision.Comment is { } comment ? ": " + comment : "");
    }
}

/// <summary>A human who answers approval requests.</summary>
public partial class Approver : Human
{
}
