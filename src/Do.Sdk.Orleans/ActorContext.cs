using Do.Execution;
using Orleans.Runtime;

namespace Do.Orleans;

/// <summary>
/// Carries the actor of a call to a grain (<c>client.As(actor)</c>, or the actor of the handler or verb making a
/// cross-object call inside the cluster) in a <see cref="RequestContext"/> entry, so the grain's turn records the same
/// actor the embedded host would. The client is trusted as on the embedded host: a cluster client is part of the app.
/// </summary>
internal static class ActorContext
{
    /// <summary>The request-context key; its value is the actor text.</summary>
    public const string Key = "do.actor";

    /// <summary>The actor of the incoming call, or null when the caller named none.</summary>
    public static string? Current => RequestContext.Get(Key) as string;

    /// <summary>
    /// Runs <paramref name="call"/> with <paramref name="explicitActor"/> (else the calling flow's actor) and the calling
    /// flow's call chain (<see cref="CallChainContext"/>) in the request context. Async on purpose: the context changes
    /// are undone when this returns, so they never leak into the caller.
    /// </summary>
    public static async Task<T> Run<T>(string? explicitActor, Func<Task<T>> call)
    {
        var actor = explicitActor ?? ActorScope.Current;
        if (actor is null)
        {
            RequestContext.Remove(Key);
        }
        else
        {
            RequestContext.Set(Key, actor);
        }

        CallChainContext.SetForOutgoingCall();
        return await call().ConfigureAwait(false);
    }
}
