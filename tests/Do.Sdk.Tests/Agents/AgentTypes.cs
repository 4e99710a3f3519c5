// Nouns and agents for the agent tests: an incident desk whose verbs an agent calls as tools.
namespace Do.Tests.Agents;

public enum Severity
{
    Low,
    High,
    Critical,
}

[Noun]
public partial class Incident
{
    public string Title { get; set; } = "";

    public Severity Severity { get; set; }

    public string? Owner { get; set; }

    public decimal Credit { get; set; }

    [Verb] public void Escalate(Severity to) => Severity = to;

    [Verb] public void Assign(string owner, string? note = null) => Owner = owner;

    [Verb(RequiresApproval = true)] public void Refund(decimal amount) => Credit += amount;
}

public partial class Responder : Agent
{
    protected override string? Instructions => "You resolve incidents with the tools you have.";

    protected override void Configure(Context ctx) => ctx.Tools.Add<Incident>();
}

public partial class ShortResponder : Agent
{
    public override int MaxIterations => 2;

    protected override void Configure(Context ctx) => ctx.Tools.Add<Incident>();
}

public partial class NotAnAgent : Business
{
    public static Exception? Error { get; private set; }

    protected override void Configure(Context ctx)
    {
        try
        {
            _ = ctx.Tools;
        }
        catch (InvalidOperationException e)
        {
            Error = e;
        }
    }
}

public sealed class Supervisor : Human;

public partial class ApprovingResponder : Agent
{
    public const string Boss = "https://boss.example";

    protected override void Configure(Context ctx) => ctx.Tools.Add<Incident>().RequireApprovalFrom<Supervisor>(Boss);
}

public partial class TwiceApproving : Agent
{
    public static Exception? Error { get; private set; }

    protected override void Configure(Context ctx)
    {
        ctx.Tools.RequireApprovalFrom<Supervisor>(ApprovingResponder.Boss);
        try
        {
            ctx.Tools.RequireApprovalFrom<Supervisor>("https://other.example");
        }
        catch (InvalidOperationException e)
        {
            Error = e;
        }
    }
}
