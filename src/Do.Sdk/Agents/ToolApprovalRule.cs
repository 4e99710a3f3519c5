namespace Do.Agents;

/// <summary>
/// Which tool calls an agent asks its approver about, by <see cref="WorkerMode"/>. A <c>RequiresApproval</c> verb is asked
/// about in every mode; <see cref="WorkerMode.Supervised"/> adds every verb (a verb changes state; a read or a list does
/// not); <see cref="WorkerMode.Manual"/> adds reads and lists too, so nothing the model proposes runs unseen.
/// </summary>
internal static class ToolApprovalRule
{
    /// <summary>Why <paramref name="tool"/> needs a human's yes in <paramref name="mode"/>, or null when it runs on its own.</summary>
    public static string? Reason(WorkerMode mode, NounTool tool) => mode switch
    {
        _ when tool.RequiresApproval => $"{tool.Verb!.Name} is declared [Verb(RequiresApproval = true)]",
        WorkerMode.Supervised when tool.Kind == NounToolKind.Verb => "the agent is Supervised and the call changes state",
        WorkerMode.Manual => "the agent is Manual: every call is proposed first",
        _ => null,
    };
}
