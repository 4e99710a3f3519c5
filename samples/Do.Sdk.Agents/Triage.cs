using Do;
namespace IncidentDesk;

/// <summary>The triage agent: a durable object whose runs are journaled in its own SQLite file.</summary>
public partial class Triage : Agent
{
    public override int MaxIterations => 6;

    protected override string? Instructions => "You triage incidents. Read them, escalate what is severe, assign an owner, then say what you did.";

    protected override void Configure(Context ctx) => ctx.Tools.Add<Incident>();
}
