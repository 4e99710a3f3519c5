namespace Do.AspNetCore.BrowserTests;

[Noun]
public partial class Startup
{
    public string Name { get; set; } = "";

    public int Priority { get; set; }

    public List<string> Tags { get; set; } = new();

    [Verb] public void Prioritize(int by = 1) => Priority += by;

    [Verb] public void Tag(string tag) => Tags.Add(tag);

    /// <summary>Fails every attempt, with a message the operator should see.</summary>
    [Verb(Retries = 0)]
    public Task Launch(Context ctx) => throw new InvalidOperationException($"the launch pad for {Name} is on fire");
}

/// <summary>
/// A studio whose review handler tags every prioritized startup "reviewed", and fails while its namespace is listed in
/// <see cref="Broken"/> (as a handler with a bug would), so the event is dead-lettered until someone fixes it and replays.
/// </summary>
public partial class Studio : Business
{
    public static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> Broken = new();

    protected override void Configure(Context ctx)
    {
        ctx.On.Subscribe("Startup.prioritized", async (e, ctx) =>
        {
            if (Broken.ContainsKey(ctx.Ns))
            {
                throw new InvalidOperationException($"the review service rejected {e.Thing}");
            }

            var startup = ctx.Startup(e.Thing!);
            if (!(await startup.Get()).Tags.Contains("reviewed"))
            {
                await startup.Tag("reviewed");
            }
        });
        ctx.Every.Monday.At9am(_ => Task.CompletedTask);
    }
}

/// <summary>A release that may only go out once its reviewer, a <see cref="Human"/>, approves.</summary>
[Noun]
public partial class Rollout
{
    public string Name { get; set; } = "";

    /// <summary>The namespace of the <see cref="Reviewer"/> asked.</summary>
    public string Reviewer { get; set; } = "";

    public bool Approved { get; set; }

    public string DecidedBy { get; set; } = "";

    public string Comment { get; set; } = "";

    /// <summary>Asks the reviewer and waits durably for the answer, which it records.</summary>
    [Verb]
    public async Task AskForApproval(Context ctx)
    {
        var decision = await ctx.Human<Reviewer>(Reviewer).Approve($"roll out {Name}?", TimeSpan.FromDays(1));
        (Approved, DecidedBy, Comment) = (decision.Approved, decision.By, decision.Comment ?? "");
    }
}
