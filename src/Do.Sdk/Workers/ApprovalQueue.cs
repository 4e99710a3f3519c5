using Do.Hosting;
using Do.Storage;

namespace Do.Workers;

/// <summary>A Human's approval queue in its own file (the <c>approvals</c> table).</summary>
internal static class ApprovalQueue
{
    /// <summary>The earliest expiry of a pending approval, or null.</summary>
    public static long? NextExpiry(ObjectDatabase db) => db.Command("SELECT MIN(expires_at) FROM approvals WHERE status = 'pending'").ExecuteScalar() as long?;

    public static Task ExpireDueAsync(ObjectActivation activation) => Task.CompletedTask;
}
