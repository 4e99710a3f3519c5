namespace Do;

/// <summary>
/// Declares a verb: something that can be done to a noun (or to a durable object). A synchronous verb is a pure
/// state transition: one version, one action and one event in a single transaction. An async verb may have effects.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class VerbAttribute : Attribute
{
    /// <summary>The event name in past tense (<c>prioritized</c>); defaults to the English past tense of the method name.</summary>
    public string? Event { get; set; }

    /// <summary>How many times a failed attempt is retried; a negative value (the default) uses the host's default.</summary>
    public int Retries { get; set; } = -1;

    /// <summary>The timeout of one attempt in milliseconds; zero or negative (the default) uses the host's default.</summary>
    public int TimeoutMilliseconds { get; set; }

    /// <summary>
    /// True when an agent (<c>Agent</c>) must ask a human before calling this verb as a tool: the agent's run waits
    /// for the decision, then calls the verb (approved) or tells the model it was refused. Other callers are not asked.
    /// </summary>
    public bool RequiresApproval { get; set; }
}
