namespace Do.Sdk.Analyzers;

/// <summary>Keys of <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/> shared with the code fixes.</summary>
public static class PropertyNames
{
    /// <summary>
    /// DO0006: the expression that replaces the flagged one, when a context is in scope (in a durable action, the value
    /// journaled with <c>ctx.Step</c>). DO0007: the <c>ctx.Sleep</c> call that replaces a timer in a durable action.
    /// </summary>
    public const string Replacement = "Replacement";

    /// <summary>DO0007: present when the flagged wait can become an <c>await</c>.</summary>
    public const string CanAwait = "CanAwait";

    /// <summary>DO0009: present when the method's return type can be changed to <c>Task</c>.</summary>
    public const string CanReturnTask = "CanReturnTask";
}
