namespace Do.Storage;

/// <summary>A row of the action log: who did what, to what, with which outcome.</summary>
internal sealed record ActionRecord
{
    /// <summary>The action id; also the idempotency key handed to effectful verbs.</summary>
    public required long Id { get; init; }

    /// <summary>The verb: <c>create</c>, <c>update</c>, <c>delete</c> or a declared verb.</summary>
    public required string Verb { get; init; }

    /// <summary>Who performed it, when known.</summary>
    public string? Actor { get; init; }

    /// <summary>The local id of the target thing (empty for the object itself).</summary>
    public required string Target { get; init; }

    /// <summary>The verb's input as JSON.</summary>
    public string? Input { get; init; }

    /// <summary>The verb's output as JSON.</summary>
    public string? Output { get; init; }

    /// <summary>The version HEAD was at before the action.</summary>
    public long? BeforeVersion { get; init; }

    /// <summary>The version the action wrote.</summary>
    public long? AfterVersion { get; init; }

    /// <summary>How durable the action was requested to be.</summary>
    public required Durability Durability { get; init; }

    /// <summary>Where the action is in its lifecycle.</summary>
    public required ActionStatus Status { get; init; }

    /// <summary>How many attempts ran.</summary>
    public int Attempts { get; init; }

    /// <summary>The last error, for failed or retrying actions.</summary>
    public string? Error { get; init; }

    /// <summary>When the action was recorded.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it completed or failed for good.</summary>
    public DateTimeOffset? CompletedAt { get; init; }
}
