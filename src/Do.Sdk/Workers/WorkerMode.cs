namespace Do;

/// <summary>How much a <see cref="Worker"/> acts on its own: for an agent, which tool calls its approver sees first.</summary>
public enum WorkerMode
{
    /// <summary>Acts on its own; asks only before a <c>[Verb(RequiresApproval = true)]</c> verb. An agent's default.</summary>
    Autonomous,

    /// <summary>Asks before every call that changes state (a verb tool); reads and lists run. A worker's default.</summary>
    Supervised,

    /// <summary>Proposes; a human decides every action, reads included. A human's default.</summary>
    Manual,
}
