namespace Do;

/// <summary>One durable step of an agent run: a model turn or a tool call, as journaled in the agent's file.</summary>
/// <param name="Kind">A model turn or a tool call.</param>
/// <param name="Name">The tool's name (<c>Ticket_Escalate</c>), or <c>model</c> for a model turn.</param>
/// <param name="Input">The tool's arguments as JSON; null for a model turn.</param>
/// <param name="Output">What the tool returned (JSON or an error text), or the model's text (null when it only called tools).</param>
/// <param name="InputTokens">Tokens the model read in this turn, when the model reported them (0 for tool calls).</param>
/// <param name="OutputTokens">Tokens the model wrote in this turn, when the model reported them (0 for tool calls).</param>
public sealed record AgentStep(AgentStepKind Kind, string Name, string? Input, string? Output, long InputTokens = 0, long OutputTokens = 0);
