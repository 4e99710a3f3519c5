using Do.Execution;

namespace Do.Agents;

/// <summary>
/// The loop's steps as durable steps of the run's action (the same journal as <c>ctx.Step</c>): a step journaled
/// before a crash or a retry returns its recorded text instead of asking the model or calling the tool again.
/// </summary>
internal static class AgentJournal
{
    public static async Task<string> Step(Context ctx, string name, Func<CancellationToken, Task<string>> work)
        => await DurableSteps.RunAsync(ctx.Activation, name, DurableSteps.StepKind, async token => await work(token).ConfigureAwait(false)).ConfigureAwait(false) ?? "";
}
