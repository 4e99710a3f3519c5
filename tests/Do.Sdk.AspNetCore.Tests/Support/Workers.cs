using System.Collections.Concurrent;

namespace Do.AspNetCore.Tests;

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

/// <summary>A ticket an agent works on; a refund needs a human's approval first.</summary>
[Noun]
public partial class Ticket
{
    public string Title { get; set; } = "";

    public decimal Credit { get; set; }

    [Verb(RequiresApproval = true)] public void Refund(decimal amount) => Credit += amount;
}

/// <summary>An agent whose refunds the studio's approver must allow.</summary>
public partial class Desk : Agent
{
    public const string Boss = "https://startups.studio/boss";

    protected override void Configure(Context ctx) => ctx.Tools.Add<Ticket>().RequireApprovalFrom<Approver>(Boss);
}
