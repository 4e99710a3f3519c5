using Do;
using Do.Testing;
using IncidentDesk;
using Microsoft.Extensions.AI;

// Offline: a scripted model plays the turns a real one would. README.md shows how to plug OpenAI, Azure OpenAI,
// Anthropic or Ollama instead; nothing else changes.
var model = new ScriptedChatClient()
    .CallTool("Incident_Get", """{"id":"checkout"}""", inputTokens: 180, outputTokens: 12)
    .CallTools([("Incident_Escalate", """{"id":"checkout","to":"Critical"}"""), ("Incident_Assign", """{"id":"checkout","owner":"ada"}""")], inputTokens: 240, outputTokens: 30)
    .Reply("Checkout is down for everyone: escalated to Critical and assigned to ada.", inputTokens: 300, outputTokens: 18);

await using var host = await DoHost.StartAsync(o =>
{
    o.DataPath = "data";
    o.ChatClient = model;
});
var desk = host.Object<Triage>("https://desk.example");
if (await desk.Incidents.Find("checkout") is null)
{
    await desk.Incidents.Create("checkout", new Incident { Title = "Checkout returns 500 for every order" });
}

AgentRun run = await desk.Run("Triage the checkout incident.");
Console.WriteLine($"run {run.Id}: {run.Status}, {run.InputTokens} tokens in, {run.OutputTokens} out");
foreach (var step in run.Steps)
{
    Console.WriteLine(step.Kind == AgentStepKind.ToolCall ? $"  tool  {step.Name} {step.Input} -> {step.Output}" : $"  model {step.Output ?? "(asked for tools)"}");
}

var incident = await desk.Incident("checkout").Get();
Console.WriteLine($"checkout: {incident.Severity}, owner {incident.Owner}");
Console.WriteLine($"the model was offered: {string.Join(", ", model.Requests[0].ToolNames)}");
Console.WriteLine(run.Output);
