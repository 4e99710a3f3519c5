namespace Do.Agents;

/// <summary>
/// Where the loop's steps are journaled. Until durable steps (<c>ctx.Step</c>) are available in this branch, a step
/// simply runs: a run resumed after a crash or retried repeats its model turns and tool calls.
/// </summary>
internal static class AgentJournal
{
    public static Task<string> Step(Context ctx, string name, Func<CancellationToken, Task<string>> work)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return work(ctx.CancellationToken);
    }
}
