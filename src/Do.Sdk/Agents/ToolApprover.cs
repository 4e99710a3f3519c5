namespace Do;

/// <summary>The human an agent asks before a <c>RequiresApproval</c> tool runs, and how it asks (bound to the human's class).</summary>
/// <param name="Ns">The approving human's namespace.</param>
/// <param name="Approve">Asks the human from the run's context and waits durably for the decision.</param>
internal sealed record ToolApprover(string Ns, Func<Context, string, Task<ApprovalDecision>> Approve);
