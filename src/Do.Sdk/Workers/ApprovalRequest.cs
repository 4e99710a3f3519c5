namespace Do;

/// <summary>One request in a <see cref="Human"/>'s approval queue.</summary>
public sealed record ApprovalRequest
{
    /// <summary>The request's id in this human's queue; pass it to <c>Approvals.Respond</c>.</summary>
    public required long Id { get; init; }

    /// <summary>What is to be approved.</summary>
    public required string Text { get; init; }

    /// <summary>The namespace of the object whose action waits for the decision.</summary>
    public required string Requester { get; init; }

    /// <summary>The waiting action's id in the requesting object.</summary>
    public required long ActionId { get; init; }

    /// <summary>When it was asked.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it expires and escalates; null when it never does.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }
}
