namespace Do.Execution;

/// <summary>
/// Who the current async flow acts for. A call through a client made with <c>As(actor)</c> sets it for its turn; an
/// event handler runs with the actor of the action whose event it handles; a schedule as <c>schedule:{id}</c>.
/// Writes record it on their action, so a handler's writes carry the actor whose action caused them.
/// </summary>
internal static class ActorScope
{
    /// <summary>The actor recorded when nobody is known to have caused the write.</summary>
    public const string System = "system";

    private static readonly AsyncLocal<string?> s_current = new();

    public static string? Current => s_current.Value;

    /// <summary>Sets the actor for the rest of the calling async method (and what it awaits).</summary>
    public static void Enter(string? actor) => s_current.Value = actor;

    /// <summary>The actor to record: an explicit one, else the flow's, else <see cref="System"/>.</summary>
    public static string Resolve(string? explicitActor) => explicitActor ?? s_current.Value ?? System;
}
