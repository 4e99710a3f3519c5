using Do;
namespace IncidentDesk;

public enum Severity
{
    Low,
    High,
    Critical,
}

/// <summary>An incident on the desk; its verbs become the agent's tools (Incident_Escalate, Incident_Assign, …).</summary>
[Noun]
public partial class Incident
{
    public string Title { get; set; } = "";

    public Severity Severity { get; set; }

    public string? Owner { get; set; }

    [Verb] public void Escalate(Severity to) => Severity = to;

    [Verb] public void Assign(string owner) => Owner = owner;
}
