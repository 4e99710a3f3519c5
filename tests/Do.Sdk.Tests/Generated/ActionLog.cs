// Nouns for the action log tests (issue 20): custom events emitted from a verb, handled by name.
namespace Do.Tests.Generated.ActionLog;

[Noun]
public partial class Ticket
{
    public string Title { get; set; } = "";

    public string Status { get; set; } = "open";

    public int Votes { get; set; }

    [Verb] public void Vote() => Votes++;

    [Verb] public void Retitle(string title) => Title = title;

    [Verb]
    public async Task Escalate(Context ctx, bool fail = false)
    {
        Status = "escalated";
        ctx.Emit("ticket.escalated", "{\"votes\":" + Votes.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}");
        await Task.Yield();
        if (fail)
        {
            throw new InvalidOperationException("the escalation desk is closed");
        }
    }
}

public partial class Desk : Business
{
    public static readonly System.Collections.Concurrent.ConcurrentQueue<(string Ns, string Type, string? Data, string Actor)> Escalations = new();

    protected override void Configure(Context ctx)
    {
        ctx.On.Event("ticket.escalated", (e, ctx) =>
        {
            Escalations.Enqueue((ctx.Ns, e.Type, e.Data, ctx.Actor));
            return Task.CompletedTask;
        });
        ctx.On.Ticket.Voted(async (ticket, ctx) =>
        {
            if (ticket.Votes == 3)
            {
                await ctx.Ticket("audit").Retitle(ctx.Actor + " made it 3");
            }
        });
    }
}
