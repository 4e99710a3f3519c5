namespace Do;

/// <summary>One pending request in a worker's queue (<c>host.Object&lt;THuman&gt;(ns).Requests.Pending()</c>).</summary>
public sealed record WorkerRequest
{
    /// <summary>The request's id in this worker's queue; pass it to <c>Answer</c> or <c>Respond</c>.</summary>
    public required long Id { get; init; }

    /// <summary>What it asks for: an approval, an answer, a choice or a task.</summary>
    public required WorkerRequestKind Kind { get; init; }

    /// <summary>The question, the task or what is to be approved.</summary>
    public required string Text { get; init; }

    /// <summary>The options a <see cref="WorkerRequestKind.Decide"/> request must be answered with; empty for other kinds.</summary>
    public IReadOnlyList<string> Options { get; init; } = [];

    /// <summary>The namespace of the object whose action waits for the answer.</summary>
    public required string Requester { get; init; }

    /// <summary>The waiting action's id in the requesting object.</summary>
    public required long ActionId { get; init; }

    /// <summary>When it was asked.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it expires and escalates; null when it never does.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }
}
