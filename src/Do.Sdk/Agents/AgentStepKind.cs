namespace Do;

/// <summary>What one step of an agent run was.</summary>
public enum AgentStepKind
{
    /// <summary>One request to the model and its answer.</summary>
    ModelTurn,

    /// <summary>One tool (a verb, a read or a list) the model called.</summary>
    ToolCall,
}
