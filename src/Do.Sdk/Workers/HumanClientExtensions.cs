namespace Do;

/// <summary>The approval queue on a human's client.</summary>
public static class HumanClientExtensions
{
    extension<THuman>(ObjectClient<THuman> human)
        where THuman : Human, new()
    {
        /// <summary>The human's approval queue: <c>Pending()</c> and <c>Respond(id, approved, by, comment)</c>.</summary>
        public HumanApprovals Approvals => new(human);
    }
}
