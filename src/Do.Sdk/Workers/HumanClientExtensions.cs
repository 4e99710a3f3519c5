namespace Do;

/// <summary>The approval queue and the request queue on a human's client.</summary>
public static class HumanClientExtensions
{
    extension<THuman>(ObjectClient<THuman> human)
        where THuman : Human, new()
    {
        /// <summary>The human's approval queue: <c>Pending()</c> and <c>Respond(id, approved, by, comment)</c>.</summary>
        public HumanApprovals Approvals => new(human);

        /// <summary>The human's whole request queue (approvals, questions, choices, tasks): <c>Pending()</c>, <c>Answer</c>, <c>Respond</c>.</summary>
        public HumanRequests Requests => new(human);
    }
}
