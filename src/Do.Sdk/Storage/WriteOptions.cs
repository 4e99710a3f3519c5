namespace Do.Storage;

/// <summary>Who and what a write records in its action and event rows.</summary>
internal sealed record WriteOptions
{
    /// <summary>Who performed the write (a user, an agent, another object's URL). Null when unknown.</summary>
    public string? Actor { get; init; }

    /// <summary>The action's verb; defaults to <c>create</c>, <c>update</c> or <c>delete</c>.</summary>
    public string? Verb { get; init; }

    /// <summary>The event name in past tense; defaults to <c>created</c>, <c>updated</c> or <c>deleted</c>.</summary>
    public string? Event { get; init; }

    /// <summary>The verb's input, as JSON, recorded on the action.</summary>
    public string? Input { get; init; }

    /// <summary>The verb's return value, as JSON, recorded on the action; null when it returns nothing.</summary>
    public string? Output { get; init; }

    /// <summary>The durability the action was requested with.</summary>
    public Durability Durability { get; init; } = Durability.Do;
}
